// isola-lab-judge: runs inside a kernel-lab guest and holds Isola's predictions against what the
// running kernel does. Each check prints one row of the prediction fidelity table,
//
//   ISOLA-FIDELITY<TAB>kernel<TAB>scenario<TAB>Isola predicted<TAB>the kernel did<TAB>yes|no[<TAB>note]
//
// and exits 1 when Isola and the kernel disagree (2 on misuse). Isola's side is core's own code —
// the reader (isolactl scan), the grouping rules (isolactl explain), the group states the graph
// and the review show, the attach probe (isolactl probe); the kernel's side is read here with no
// code of Isola's (kernel_truth.cpp). run_guest.sh gathers the rows, .ci/test prints the table.
//
//   isola-lab-judge scan SCENARIO                 every group and driver Isola reads = the kernel's
//   isola-lab-judge explain SCENARIO              the grouping rules' partition = the kernel's groups
//   isola-lab-judge group SCENARIO BDF            BDF's predicted group = its kernel group
//   isola-lab-judge attach SCENARIO BDF legacy|iommufd
//                                                 attach predicted from the group's state and its
//                                                 holders = what VFIO's own ioctls answer
//   isola-lab-judge split SCENARIO BDF BDF        iommufd, one IOAS each: refused (EINVAL) exactly
//                                                 when Isola puts both in one group
//   isola-lab-judge state FILE                    the kernel's and Isola's view of every function
//   isola-lab-judge same SCENARIO BEFORE AFTER    two `state` files are identical
//
// Environment: ISOLA_LAB_KERNEL_NAME names the kernel in the table (default: uname -r).
#include <sys/utsname.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "explain/explain_groups.hpp"
#include "explain/group_prediction.hpp"
#include "kernel_truth.hpp"
#include "reader/read_host.hpp"
#include "review/device_roles.hpp"
#include "review/group_states.hpp"
#include "vfio/attach_probe.hpp"
#include "vfio/describe_probe.hpp"

namespace {

using namespace isola;
using namespace isola::lab;

const fs::path kSysfs = "/sys";
const fs::path kDev = "/dev";

std::string kernel_name() {
    if (const char* n = std::getenv("ISOLA_LAB_KERNEL_NAME"); n && *n) return n;
    utsname u{};
    return ::uname(&u) == 0 ? u.release : "unknown kernel";
}

// Prints the row; the exit status says whether Isola and the kernel agree.
int row(const std::string& scenario, const std::string& predicted, const std::string& kernel, bool agree,
        const std::string& note = {}) {
    std::cout << "ISOLA-FIDELITY\t" << kernel_name() << '\t' << scenario << '\t' << predicted << '\t' << kernel
              << '\t' << (agree ? "yes" : "no");
    if (!note.empty()) std::cout << '\t' << note;
    std::cout << std::endl;
    return agree ? 0 : 1;
}

std::string short_bdf(const std::string& address) {
    return address.starts_with("0000:") ? address.substr(5) : address;
}

std::string set_text(const std::set<std::string>& members) {
    std::string out = "{";
    for (const auto& m : members) out += (out.size() > 1 ? " " : "") + short_bdf(m);
    return out + "}";
}

Topology read_isola() {
    auto t = read_host(HostRoots{});
    if (!t) {
        std::cerr << "isola-lab-judge: Isola could not read this host: " << t.error().message << "\n";
        std::exit(2);
    }
    return std::move(*t);
}

Bdf parse_bdf(const std::string& text) {
    auto b = Bdf::parse(text);
    if (!b) {
        std::cerr << "isola-lab-judge: \"" << text << "\" is not a PCI address\n";
        std::exit(2);
    }
    return *b;
}

// Isola's groups as the kernel's are written: group number -> member addresses.
std::map<std::string, std::set<std::string>> isola_groups(const Topology& t) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& g : t.groups())
        for (const auto& m : g.members) out[std::to_string(g.id)].insert(m.str());
    return out;
}

// The rules' predicted partition, each predicted group as a set of addresses.
std::map<std::string, std::set<std::string>> predicted_groups_of(const Topology& t) {
    std::map<int, std::set<std::string>> by_index;
    for (const auto& [bdf, index] : predict_groups(t).predicted_group) by_index[index].insert(bdf.str());
    std::map<std::string, std::set<std::string>> out;
    for (auto& [index, members] : by_index) out[*members.begin()] = std::move(members);  // keyed by first member
    return out;
}

std::set<std::set<std::string>> partition(const std::map<std::string, std::set<std::string>>& groups) {
    std::set<std::set<std::string>> out;
    for (const auto& [id, members] : groups) out.insert(members);
    return out;
}

int judge_scan(const std::string& scenario) {
    const Topology t = read_isola();
    const KernelState k = read_kernel_state(kSysfs);
    std::vector<std::string> differences;
    const auto groups = isola_groups(t);
    for (const auto& [id, members] : k.groups) {
        auto it = groups.find(id);
        const std::set<std::string> ours = it == groups.end() ? std::set<std::string>{} : it->second;
        if (ours != members)
            differences.push_back("group " + id + ": Isola " + set_text(ours) + ", kernel " + set_text(members));
    }
    for (const auto& [id, members] : groups)
        if (!k.groups.contains(id)) differences.push_back("group " + id + " exists only in Isola's scan");
    std::size_t drivers_known = 0;
    for (const auto& [address, driver] : k.driver) {
        const Device* d = t.find(parse_bdf(address));
        if (!d) {
            differences.push_back(short_bdf(address) + " is missing from Isola's scan");
            continue;
        }
        if (!d->driver) {
            differences.push_back(short_bdf(address) + "'s driver is unknown to Isola (" + d->driver.why_unknown + ")");
        } else if (*d->driver != driver) {
            differences.push_back(short_bdf(address) + ": Isola says driver \"" + *d->driver + "\", kernel \"" + driver + "\"");
        } else {
            ++drivers_known;
        }
    }
    if (t.devices().size() != k.driver.size())
        differences.push_back(std::to_string(t.devices().size()) + " functions in Isola's scan, " +
                              std::to_string(k.driver.size()) + " in sysfs");
    const std::string kernel = std::to_string(k.groups.size()) + " groups, " + std::to_string(k.driver.size()) + " functions";
    const std::string predicted = std::to_string(groups.size()) + " groups, " + std::to_string(t.devices().size()) +
                                  " functions, " + std::to_string(drivers_known) + " drivers as the kernel's";
    std::string note;
    for (const auto& d : differences) note += (note.empty() ? "" : "; ") + d;
    return row(scenario, predicted, kernel, differences.empty(), note);
}

int judge_explain(const std::string& scenario) {
    const Topology t = read_isola();
    const KernelState k = read_kernel_state(kSysfs);
    const auto predicted = partition(predicted_groups_of(t));
    const auto actual = partition(k.groups);
    std::string note;
    for (const auto& p : predicted)
        if (!actual.contains(p)) note += (note.empty() ? "predicted, not the kernel's: " : " ") + set_text(p);
    std::size_t marked = 0;
    for (const auto& e : explain_groups(t))
        if (e.prediction != PredictionMatch::Matches) {
            ++marked;
            note += (note.empty() ? "" : "; ") + std::string("group ") + std::to_string(e.group) + " marked " +
                    std::string(to_string(e.prediction));
        }
    return row(scenario, std::to_string(predicted.size()) + " groups predicted from ACS, aliases and quirks",
               std::to_string(actual.size()) + " groups", predicted == actual && marked == 0, note);
}

int judge_group(const std::string& scenario, const std::string& address) {
    const Topology t = read_isola();
    const KernelState k = read_kernel_state(kSysfs);
    const std::string full = parse_bdf(address).str();
    std::set<std::string> predicted;
    for (const auto& [key, members] : predicted_groups_of(t))
        if (members.contains(full)) predicted = members;
    const auto g = k.group_of.find(full);
    const std::set<std::string> actual = g == k.group_of.end() ? std::set<std::string>{} : k.groups.at(g->second);
    return row(scenario, set_text(predicted), (g == k.group_of.end() ? "no group " : "group " + g->second + " ") + set_text(actual),
               !actual.empty() && predicted == actual);
}

// What Isola expects VFIO to answer for `device`, from the group's state and who holds it.
struct Expectation {
    int error = 0;  // 0: the attach works
    std::string text;
};

Expectation expect_attach(const Topology& t, const Bdf& device, Backend backend) {
    const IommuGroup* g = t.group_of(device);
    if (!g) return {ENOENT, "no IOMMU group"};
    std::vector<std::string> nodes{"/dev/vfio/" + std::to_string(g->id)};
    std::vector<std::string> blockers;
    for (const auto& m : g->members) {
        const Device& d = *t.find(m);
        if (d.vfio_cdev && !d.vfio_cdev->empty()) nodes.push_back("/dev/vfio/devices/" + *d.vfio_cdev);
        if (review_detail::on_host_driver(d)) blockers.push_back(short_bdf(m.str()) + " on " + *d.driver);
    }
    const auto state = classify_groups(t).at(g->id);
    if (const auto holders = find_node_holders("/proc", nodes); !holders.empty())
        return {EBUSY, "EBUSY: group " + std::to_string(g->id) + " is held by " + holders.front().command + " (pid " +
                           std::to_string(holders.front().pid) + ")"};
    if (!blockers.empty()) {
        std::string who;
        for (const auto& b : blockers) who += (who.empty() ? "" : ", ") + b;
        return {EPERM, "EPERM: group " + std::to_string(g->id) + " is " + std::string(to_string(state)) + ", " + who};
    }
    (void)backend;  // both paths claim the whole group the same way (kernel.md §5)
    return {0, "attach works: group " + std::to_string(g->id) + " is " + std::string(to_string(state))};
}

int judge_attach(const std::string& scenario, const std::string& address, const std::string& backend_name) {
    const auto backend = backend_from_string(backend_name);
    if (!backend) {
        std::cerr << "isola-lab-judge: the backend is legacy or iommufd, not \"" << backend_name << "\"\n";
        return 2;
    }
    const Topology t = read_isola();
    const Bdf device = parse_bdf(address);
    const Expectation expected = expect_attach(t, device, *backend);
    const KernelAnswer kernel = *backend == Backend::Iommufd ? iommufd_attach(kSysfs, kDev, device.str())
                                                              : legacy_attach(kSysfs, kDev, device.str());
    // isolactl probe must tell the same story in its own words: the same errno, and a sentence.
    KernelVfioCalls calls;
    const AttachProbe probe = probe_attach(t, HostRoots{}, device, *backend, calls);
    std::string note = "isolactl probe: " + describe(probe);
    const bool probe_agrees = probe.ok() == kernel.ok && (kernel.ok || probe.failure->error == kernel.error);
    if (!probe_agrees) note = "isolactl probe disagrees with the kernel; " + note;
    return row(scenario, expected.text, kernel.str(), expected.error == kernel.error && probe_agrees, note);
}

int judge_split(const std::string& scenario, const std::string& first, const std::string& second) {
    const Topology t = read_isola();
    const Bdf a = parse_bdf(first), b = parse_bdf(second);
    const IommuGroup* ga = t.group_of(a);
    const IommuGroup* gb = t.group_of(b);
    const bool shared = ga && gb && ga->id == gb->id;
    const std::string predicted = shared ? "EINVAL: " + short_bdf(a.str()) + " and " + short_bdf(b.str()) +
                                               " share group " + std::to_string(ga->id) + ", so they share one IOAS"
                                         : "attach works: " + short_bdf(a.str()) + " and " + short_bdf(b.str()) +
                                               " are in different groups";
    const KernelAnswer kernel = iommufd_split_ioas(kSysfs, kDev, a.str(), b.str());
    return row(scenario, predicted, kernel.str(), (shared ? EINVAL : 0) == kernel.error);
}

// Every function's group, driver and override, as the kernel says and as Isola reads them.
int write_state(const std::string& file) {
    const Topology t = read_isola();
    const KernelState k = read_kernel_state(kSysfs);
    std::ofstream out(file);
    for (const auto& [address, driver] : k.driver)
        out << "kernel " << address << " group=" << k.group_of.at(address) << " driver=" << driver
            << " override=" << k.driver_override.at(address) << "\n";
    for (const auto& d : t.devices())
        out << "isola " << d.address.str() << " group=" << (d.iommu_group ? std::to_string(*d.iommu_group) : "none")
            << " driver=" << d.driver.value_or("?") << " override=" << d.driver_override.value_or("?") << "\n";
    return out.good() ? 0 : 2;
}

int judge_same(const std::string& scenario, const std::string& before, const std::string& after) {
    auto lines = [](const std::string& file) {
        std::ifstream in(file);
        std::vector<std::string> out;
        for (std::string l; std::getline(in, l);) out.push_back(l);
        return out;
    };
    const auto a = lines(before), b = lines(after);
    std::string note;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        const std::string x = i < a.size() ? a[i] : "(none)", y = i < b.size() ? b[i] : "(none)";
        if (x != y) note += (note.empty() ? "" : "; ") + ("before " + x + ", after " + y);
    }
    const std::string what = std::to_string(a.size() / 2) + " functions: groups, drivers, overrides";
    return row(scenario, "as before: " + what, note.empty() ? "as before" : "changed", !a.empty() && a == b, note);
}

int usage() {
    std::cerr << "usage: isola-lab-judge scan|explain SCENARIO | group SCENARIO BDF | attach SCENARIO BDF legacy|iommufd |"
                 " split SCENARIO BDF BDF | state FILE | same SCENARIO BEFORE AFTER\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    if (a.size() == 2 && a[0] == "scan") return judge_scan(a[1]);
    if (a.size() == 2 && a[0] == "explain") return judge_explain(a[1]);
    if (a.size() == 3 && a[0] == "group") return judge_group(a[1], a[2]);
    if (a.size() == 4 && a[0] == "attach") return judge_attach(a[1], a[2], a[3]);
    if (a.size() == 4 && a[0] == "split") return judge_split(a[1], a[2], a[3]);
    if (a.size() == 2 && a[0] == "state") return write_state(a[1]);
    if (a.size() == 4 && a[0] == "same") return judge_same(a[1], a[2], a[3]);
    return usage();
}
