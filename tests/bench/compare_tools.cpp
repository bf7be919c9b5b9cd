// isola-compare: whole processes, Isola against the tools people already use, on the fixture lab's
// scale hosts (issue 12). Each pair runs interleaved (Isola, reference, Isola, ...) so a busy
// moment costs both alike; the table shows medians of wall time and of peak RSS (wait4's
// ru_maxrss), and the ratio of medians.
//
//   scan        isolactl scan --json        vs  lspci -nnk -vv -A linux-sysfs -O sysfs.path=...
//   graph-png   isolactl graph -o host.png  vs  lstopo --whole-io host.png  (HWLOC_FSROOT=tree)
//   graph-svg   isolactl graph -o host.svg  vs  lstopo --whole-io host.svg
//   explain     isolactl explain            vs  isolactl scan   (what explaining adds to reading)
//   review      isolactl review             vs  isolactl scan
//   plan        isolactl plan DEVICE        vs  isolactl scan
//
// Usage: isola-compare --isolactl PATH [--lspci PATH] [--lstopo PATH] [--runs N]
//                      [--shapes vf-heavy,...] [--sizes 1024,4096,16384] [--smoke]
// --smoke: one run of each at 1k, every shape; checks every command works (CI), measures nothing.
// Exit status: 0, or 1 when a command failed (its stderr is shown), 2 for wrong options.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <format>
#include <fstream>
#include <map>
#include <optional>
#include <ranges>
#include <print>
#include <sstream>
#include <string>
#include <vector>

#include "bench_hosts.hpp"
#include "reader/read_host.hpp"

namespace {

namespace fs = std::filesystem;
using isola::lab::ScaleShape;

struct Command {
    std::vector<std::string> argv;
    std::vector<std::string> env;   // added to the environment, "NAME=value"
    std::vector<int> ok_status{0};  // plan and review exit 1/2 for warnings and blockers
};

struct Run {
    double seconds = 0;
    double peak_mb = 0;
};

std::string joined(const std::vector<std::string>& argv) {
    std::string s;
    for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
    return s;
}

// Runs one command with stdout to /dev/null and stderr to a file; nullopt (after printing why)
// when it could not start or exited with a status it should not have.
std::optional<Run> run(const Command& c, const fs::path& errors) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        const int err = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(null, 1);
        ::dup2(err, 2);
        for (const auto& e : c.env) ::putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> argv;
        for (const auto& a : c.argv) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        std::println(stderr, "cannot run {}: {}", c.argv[0], std::strerror(errno));
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) != pid) return std::nullopt;
    Run r{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          static_cast<double>(usage.ru_maxrss) / 1024.0};
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (std::ranges::find(c.ok_status, code) == c.ok_status.end()) {
        std::ifstream in(errors);
        std::stringstream text;
        text << in.rdbuf();
        std::println(stderr, "isola-compare: `{}` exited with {}:\n{}", joined(c.argv), code, text.str());
        return std::nullopt;
    }
    return r;
}

double median(std::vector<double> v) {
    std::ranges::sort(v);
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Options {
    std::string isolactl, lspci = "lspci", lstopo = "lstopo";
    int runs = 7;
    bool smoke = false;
    std::vector<ScaleShape> shapes{std::begin(isola::lab::kScaleShapes), std::end(isola::lab::kScaleShapes)};
    std::vector<int> sizes{1024, 4096, 16384};
};

std::vector<std::string> split(std::string_view s) {
    std::vector<std::string> out;
    for (auto part : s | std::views::split(',')) out.emplace_back(part.begin(), part.end());
    return out;
}

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) return std::nullopt;
            return std::string(argv[++i]);
        };
        std::optional<std::string> v;
        if (a == "--smoke") {
            o.smoke = true;
            continue;
        }
        if (!(v = value())) return std::nullopt;
        if (a == "--isolactl") o.isolactl = *v;
        else if (a == "--lspci") o.lspci = *v;
        else if (a == "--lstopo") o.lstopo = *v;
        else if (a == "--runs") o.runs = std::max(1, std::atoi(v->c_str()));
        else if (a == "--sizes") {
            o.sizes.clear();
            for (const auto& n : split(*v)) o.sizes.push_back(std::atoi(n.c_str()));
        } else if (a == "--shapes") {
            o.shapes.clear();
            for (const auto& n : split(*v)) {
                auto shape = isola::lab::scale_shape_named(n);
                if (!shape) return std::nullopt;
                o.shapes.push_back(*shape);
            }
        } else
            return std::nullopt;
    }
    if (o.smoke) o.runs = 1, o.sizes = {1024};
    if (o.isolactl.empty()) return std::nullopt;
    return o;
}

struct Pair {
    std::string what;
    Command isola, reference;
    std::string reference_name;
};

std::vector<Pair> pairs_for(const Options& o, const fs::path& tree, const fs::path& out, const std::string& device) {
    const std::string root = tree.string();
    const Command scan{{o.isolactl, "scan", "--json", "--root", root}};
    auto lstopo = [&](const std::string& file) {
        return Command{{o.lstopo, "--whole-io", "-f", (out / file).string()}, {"HWLOC_FSROOT=" + root}};
    };
    return {
        {"scan --json", scan, {{o.lspci, "-nnk", "-vv", "-A", "linux-sysfs", "-O", "sysfs.path=" + root + "/sys/bus/pci"}}, "lspci -nnk -vv"},
        {"graph -o .png", {{o.isolactl, "graph", "--root", root, "-o", (out / "isola.png").string()}}, lstopo("lstopo.png"),
         "lstopo --whole-io .png"},
        {"graph -o .svg", {{o.isolactl, "graph", "--root", root, "-o", (out / "isola.svg").string()}}, lstopo("lstopo.svg"),
         "lstopo --whole-io .svg"},
        {"explain", {{o.isolactl, "explain", "--root", root}}, scan, "isolactl scan --json"},
        {"review", {{o.isolactl, "review", "--root", root}, {}, {0, 1, 2}}, scan, "isolactl scan --json"},
        {"plan DEVICE", {{o.isolactl, "plan", device, "--vm", "bench", "--root", root}, {}, {0, 1, 2}}, scan,
         "isolactl scan --json"},
    };
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parse(argc, argv);
    if (!options) {
        std::println(stderr, "usage: isola-compare --isolactl PATH [--lspci PATH] [--lstopo PATH] [--runs N] "
                             "[--shapes vf-heavy,switch-heavy,one-group,multi-domain] [--sizes 1024,4096,16384] [--smoke]");
        return 2;
    }
    const fs::path scratch = isola::bench::scratch_directory() / std::format("isola-compare-{}", ::getpid());
    const fs::path tree = scratch / "host", out = scratch / "out", errors = scratch / "stderr";
    bool failed = false;
    std::println("| shape | functions | command | Isola | reference | ratio | Isola peak RSS | reference peak RSS |");
    std::println("|---|---|---|---|---|---|---|---|");
    for (ScaleShape shape : options->shapes) {
        for (int size : options->sizes) {
            fs::remove_all(scratch);
            fs::create_directories(out);
            const auto spec = isola::lab::scale_machine(size, shape);
            isola::lab::write_fixture(spec, tree);
            const auto host = isola::read_host(isola::HostRoots::under(tree), {});
            if (!host) {
                std::println(stderr, "isola-compare: cannot read the {} host: {}", isola::lab::to_string(shape),
                             host.error().message);
                return 1;
            }
            const std::string device = isola::bench::device_to_plan(*host).str();
            for (const Pair& p : pairs_for(*options, tree, out, device)) {
                std::vector<double> a_s, a_mb, b_s, b_mb;
                for (int r = 0; r < options->runs && !failed; ++r) {
                    auto a = run(p.isola, errors);
                    auto b = run(p.reference, errors);
                    if (!a || !b) failed = true;
                    if (!a || !b) break;
                    a_s.push_back(a->seconds), a_mb.push_back(a->peak_mb);
                    b_s.push_back(b->seconds), b_mb.push_back(b->peak_mb);
                }
                if (failed) break;
                std::println("| {} | {} | {} vs {} | {:.3f} s | {:.3f} s | {:.2f}× | {:.0f} MB | {:.0f} MB |",
                             isola::lab::to_string(shape), isola::lab::function_count(spec), p.what, p.reference_name,
                             median(a_s), median(b_s), median(a_s) / median(b_s), median(a_mb), median(b_mb));
                std::fflush(stdout);
            }
            if (failed) break;
        }
        if (failed) break;
    }
    fs::remove_all(scratch);
    if (!options->smoke) std::println("\nmedians of {} interleaved runs each", options->runs);
    return failed ? 1 : 0;
}
