#include "lspci_output.hpp"

#include <array>
#include <cstdio>
#include <format>
#include <sstream>

namespace isola::test {

std::optional<std::map<std::string, LspciRecord>> lspci_records(const std::string& sysfs_bus_pci) {
    std::string cmd = "lspci -vmmnk -D -A linux-sysfs";
    if (!sysfs_bus_pci.empty()) cmd += std::format(" -O sysfs.path='{}'", sysfs_bus_pci);
    cmd += " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    std::array<char, 8192> buf{};
    while (auto n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    if (pclose(pipe) != 0) return std::nullopt;

    // Records are "Key:\tvalue" lines separated by blank lines.
    std::map<std::string, LspciRecord> records;
    std::istringstream in(out);
    std::string slot, vendor, device, svendor, sdevice;
    LspciRecord rec;
    auto flush = [&] {
        if (!slot.empty()) {
            rec.ids = vendor + ":" + device;
            if (!svendor.empty()) rec.subsystem = svendor + ":" + sdevice;
            records[slot] = rec;
        }
        slot.clear(), vendor.clear(), device.clear(), svendor.clear(), sdevice.clear(), rec = {};
    };
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) {
            flush();
            continue;
        }
        auto tab = line.find(":\t");
        if (tab == std::string::npos) continue;
        std::string key = line.substr(0, tab), value = line.substr(tab + 2);
        if (key == "Slot") slot = value;
        else if (key == "Vendor") vendor = value;
        else if (key == "Device") device = value;
        else if (key == "Driver") rec.driver = value;
        else if (key == "IOMMUGroup") rec.group = value;
        else if (key == "Class") rec.cls = value;
        else if (key == "ProgIf") rec.prog_if = value;
        else if (key == "Rev") rec.revision = value;
        else if (key == "SVendor") svendor = value;
        else if (key == "SDevice") sdevice = value;
    }
    flush();
    return records;
}

}  // namespace isola::test
