// Network interfaces, their addresses and which carries the default route.
//
// Addresses come from procfs rather than netlink so that a fixture tree can describe them:
// IPv4 local addresses from /proc/net/fib_trie ("/32 host LOCAL" leaves), their prefix from the
// matching /proc/net/route entry; IPv6 from /proc/net/if_inet6.
#include <algorithm>
#include <cctype>
#include <bit>
#include <charconv>
#include <format>
#include <set>
#include <sstream>

#include "reader/host_usage_reader.hpp"
#include "reader/sysfs_file.hpp"

namespace isola::detail {
namespace {

namespace fs = std::filesystem;

struct Ipv4Route {
    std::string iface;
    std::uint32_t destination = 0;  // network byte order as printed (little-endian hex on x86)
    std::uint32_t mask = 0;
};

std::optional<std::uint32_t> hex32(std::string_view s) {
    std::uint32_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::vector<Ipv4Route> read_ipv4_routes(const fs::path& file) {
    std::vector<Ipv4Route> routes;
    auto text = sysfs::read_file(file);
    if (!text) return routes;
    std::istringstream in(*text);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string iface, dest, gw, flags, refcnt, use, metric, mask;
        if (!(f >> iface >> dest >> gw >> flags >> refcnt >> use >> metric >> mask)) continue;
        auto d = hex32(dest), m = hex32(mask);
        if (d && m) routes.push_back({iface, *d, *m});
    }
    return routes;
}

// /proc/net/route prints addresses as the kernel's __be32 in host order: on little-endian
// machines "0101A8C0" is 192.168.1.1. Convert a dotted quad to the same representation.
std::optional<std::uint32_t> dotted_to_route_order(std::string_view dotted) {
    std::uint32_t octets[4];
    std::size_t pos = 0;
    for (int i = 0; i < 4; ++i) {
        auto end = dotted.find('.', pos);
        if ((i < 3) != (end != std::string_view::npos)) return std::nullopt;
        auto part = dotted.substr(pos, i < 3 ? end - pos : std::string_view::npos);
        auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), octets[i]);
        if (ec != std::errc{} || p != part.data() + part.size() || octets[i] > 255) return std::nullopt;
        pos = end + 1;
    }
    const std::uint32_t be = octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3];
    return std::endian::native == std::endian::little ? std::byteswap(be) : be;
}

std::vector<std::string> read_local_ipv4(const fs::path& fib_trie) {
    // Leaves look like "   |-- 192.168.1.10" followed by "      /32 host LOCAL". Only the Main
    // table matters; Local repeats the same addresses.
    std::vector<std::string> local;
    auto text = sysfs::read_file(fib_trie);
    if (!text) return local;
    std::istringstream in(*text);
    std::string line, last_leaf;
    std::set<std::string> seen;
    while (std::getline(in, line)) {
        if (auto at = line.find("|-- "); at != std::string::npos) {
            last_leaf = line.substr(at + 4);
        } else if (line.find("/32 host LOCAL") != std::string::npos && !last_leaf.empty()) {
            if (seen.insert(last_leaf).second) local.push_back(last_leaf);
        }
    }
    return local;
}

std::string ipv6_text(std::string_view hex32chars) {
    // if_inet6 prints 32 hex digits; group by 4 and compress the longest zero run.
    std::vector<std::string> groups;
    for (std::size_t i = 0; i + 4 <= hex32chars.size(); i += 4) {
        std::string g(hex32chars.substr(i, 4));
        g.erase(0, std::min(g.find_first_not_of('0'), g.size() - 1));
        groups.push_back(g);
    }
    int best = -1, best_len = 0;
    for (int i = 0; i < static_cast<int>(groups.size());) {
        int j = i;
        while (j < static_cast<int>(groups.size()) && groups[j] == "0") ++j;
        if (j - i > best_len && j - i > 1) best = i, best_len = j - i;
        i = j == i ? i + 1 : j;
    }
    std::string out;
    for (int i = 0; i < static_cast<int>(groups.size()); ++i) {
        if (i == best) {
            out += "::";
            i += best_len - 1;
            continue;
        }
        if (!out.empty() && !out.ends_with(':')) out += ':';
        out += groups[i];
    }
    return out;
}

}  // namespace

void read_network_usage(const HostRoots& roots, UsageByDevice& usage, std::vector<Diagnostic>&) {
    const auto routes = read_ipv4_routes(roots.proc / "net" / "route");
    const auto local_v4 = read_local_ipv4(roots.proc / "net" / "fib_trie");

    std::set<std::string> default_v6;
    if (auto text = sysfs::read_file(roots.proc / "net" / "ipv6_route")) {
        std::istringstream in(*text);
        for (std::string line; std::getline(in, line);) {
            std::istringstream f(line);
            std::string dest, plen, src, splen, next, metric, ref, use, flags, iface;
            if (!(f >> dest >> plen >> src >> splen >> next >> metric >> ref >> use >> flags >> iface)) continue;
            // The kernel keeps unreachable ::/0 entries on lo; those carry nothing.
            if (dest == std::string(32, '0') && plen == "00" && iface != "lo") default_v6.insert(iface);
        }
    }
    std::map<std::string, std::vector<std::string>> v6_by_iface;
    if (auto text = sysfs::read_file(roots.proc / "net" / "if_inet6")) {
        std::istringstream in(*text);
        for (std::string line; std::getline(in, line);) {
            std::istringstream f(line);
            std::string addr, index, plen, scope, flags, iface;
            if (!(f >> addr >> index >> plen >> scope >> flags >> iface) || addr.size() != 32) continue;
            auto prefix = hex32(plen);
            v6_by_iface[iface].push_back(std::format("{}/{}", ipv6_text(addr), prefix.value_or(128)));
        }
    }

    for (const auto& name : sysfs::list_dir(roots.sysfs / "class" / "net")) {
        auto real = sysfs::canonical(roots.sysfs / "class" / "net" / name);
        if (!real) continue;
        auto owner = sysfs::owning_pci_function(*real);
        if (!owner) continue;  // virtual interfaces (lo, bridges, tunnels) have no PCI function

        NetInterface nif;
        nif.name = name;
        nif.operstate = sysfs::read_line(*real / "operstate").value_or("unknown");
        for (const auto& addr : local_v4) {
            auto a = dotted_to_route_order(addr);
            if (!a) continue;
            for (const auto& r : routes) {
                if (r.iface == name && r.mask != 0 && (*a & r.mask) == r.destination) {
                    nif.addresses.push_back(std::format("{}/{}", addr, std::popcount(r.mask)));
                    break;
                }
            }
        }
        for (const auto& a : v6_by_iface[name]) nif.addresses.push_back(a);
        nif.default_route_v4 = std::ranges::any_of(
            routes, [&](const Ipv4Route& r) { return r.iface == name && r.destination == 0 && r.mask == 0; });
        nif.default_route_v6 = default_v6.contains(name);
        usage[*owner].net.push_back(std::move(nif));
    }
}

}  // namespace isola::detail
