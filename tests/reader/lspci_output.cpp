#include "lspci_output.hpp"

#include <array>
#include <cstdio>
#include <format>
#include <memory>
#include <sstream>

namespace isola::test {

std::optional<std::map<std::string, std::string>> lspci_ids(const std::string& sysfs_bus_pci) {
    std::string cmd = "lspci -n -D -A linux-sysfs";
    if (!sysfs_bus_pci.empty()) cmd += std::format(" -O sysfs.path='{}'", sysfs_bus_pci);
    cmd += " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    if (!pipe) return std::nullopt;
    std::string out;
    std::array<char, 4096> buf{};
    while (auto n = std::fread(buf.data(), 1, buf.size(), pipe.get())) out.append(buf.data(), n);
    if (pclose(pipe.release()) != 0) return std::nullopt;

    // "0000:00:1f.3 0403: 8086:a348 (rev 10)" -> {"0000:00:1f.3", "8086:a348"}
    std::map<std::string, std::string> ids;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        std::istringstream f(line);
        std::string addr, cls, id;
        if (f >> addr >> cls >> id) ids[addr] = id;
    }
    return ids;
}

}  // namespace isola::test
