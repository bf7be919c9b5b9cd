// Config space layout (offsets from include/uapi/linux/pci_regs.h):
//   0x00 header; 0x40 Power Management capability; 0x50 MSI; 0x70 PCIe capability (PCIe only);
//   0x100 AER, then ACS (when present) and SR-IOV (PFs) in one extended-capability chain.
// That is how QEMU's emulated ports look (ACS at 0x148 after AER), which the lab booted.
#include "config_space.hpp"

#include <cstring>
#include <format>
#include <stdexcept>

namespace isola::lab {
namespace {

class ConfigSpace {
public:
    explicit ConfigSpace(std::size_t size) : bytes_(size, 0) {}
    void u8(std::size_t at, unsigned v) { bytes_.at(at) = static_cast<std::uint8_t>(v); }
    void u16(std::size_t at, unsigned v) { u8(at, v & 0xff); u8(at + 1, v >> 8); }
    void u32(std::size_t at, std::uint32_t v) { u16(at, v & 0xffff); u16(at + 2, v >> 16); }
    std::vector<std::uint8_t> take() { return std::move(bytes_); }

private:
    std::vector<std::uint8_t> bytes_;
};

constexpr std::size_t kPmCap = 0x40;
constexpr std::size_t kMsiCap = 0x50;
constexpr std::size_t kPcieCap = 0x70;
constexpr std::size_t kAerExt = 0x100;
constexpr std::size_t kAcsExt = 0x148;
constexpr std::size_t kSriovExt = 0x160;

std::uint32_t ext_header(unsigned id, unsigned version, std::size_t next) {
    return id | version << 16 | static_cast<std::uint32_t>(next) << 20;
}

}  // namespace

LinkSettings link_settings(const PlacedFunction& f) {
    LinkSettings s;
    if (f.spec.class_code >> 16 == 0x03) s = {4, 16};  // display controllers sit in x16 slots
    if (!f.spec.link) return s;
    // "16GT/s x16": the speed number, then the width after 'x'.
    const std::string& text = *f.spec.link;
    double gts = 0;
    int width = 0;
    if (std::sscanf(text.c_str(), "%lfGT/s x%d", &gts, &width) != 2)
        throw std::invalid_argument(std::format("link \"{}\" of {} is not like \"16GT/s x16\"", text, f.name));
    s.width = width;
    s.speed_code = gts <= 2.5 ? 1 : gts <= 5 ? 2 : gts <= 8 ? 3 : gts <= 16 ? 4 : gts <= 32 ? 5 : 6;
    return s;
}

const char* link_speed_text(int speed_code) {
    switch (speed_code) {
    case 1: return "2.5 GT/s PCIe";
    case 2: return "5.0 GT/s PCIe";
    case 3: return "8.0 GT/s PCIe";
    case 4: return "16.0 GT/s PCIe";
    case 5: return "32.0 GT/s PCIe";
    default: return "64.0 GT/s PCIe";
    }
}

std::vector<std::uint8_t> build_config_space(const PlacedFunction& f) {
    const bool pcie = is_pcie(f.port);
    ConfigSpace c(pcie ? 4096 : 256);
    const auto& s = f.spec;
    const bool vf = f.physfn >= 0;

    // A VF's vendor and device ID registers read 0xffff (SR-IOV spec 3.4.1.1); the kernel
    // fills the sysfs files from the PF's SR-IOV capability instead.
    c.u16(0x00, vf ? 0xffff : s.vendor);
    c.u16(0x02, vf ? 0xffff : s.device);
    c.u16(0x04, f.driver.empty() ? 0x0000 : 0x0406);  // memory space + bus master + INTx disable
    c.u16(0x06, 0x0010);                               // status: capability list present
    c.u8(0x08, s.revision);
    c.u8(0x09, s.class_code & 0xff);
    c.u8(0x0a, (s.class_code >> 8) & 0xff);
    c.u8(0x0b, (s.class_code >> 16) & 0xff);
    c.u8(0x0e, (f.is_bridge ? 0x01 : 0x00) | (f.multifunction ? 0x80 : 0x00));
    c.u8(0x34, kPmCap);
    if (f.is_bridge) {
        c.u8(0x18, s.address.bus);
        c.u8(0x19, static_cast<unsigned>(f.secondary_bus));
        c.u8(0x1a, static_cast<unsigned>(f.subordinate_bus));
        c.u16(0x1c, 0x00f0);  // I/O window closed (base > limit)
        c.u32(0x20, 0x0000fff0);
        c.u32(0x24, 0x0001fff1);
    } else {
        c.u16(0x2c, s.subsystem_vendor);
        c.u16(0x2e, s.subsystem_device);
        c.u8(0x3d, vf ? 0 : 1);  // INTA#; VFs have no INTx
    }
    c.u8(0x3c, static_cast<unsigned>(s.irq.value_or(0) & 0xff));

    // Power Management (ID 0x01) -> MSI (0x05) -> PCIe (0x10) when PCIe.
    c.u8(kPmCap, 0x01);
    c.u8(kPmCap + 1, kMsiCap);
    c.u16(kPmCap + 2, 0x0003);
    c.u8(kMsiCap, 0x05);
    c.u8(kMsiCap + 1, pcie ? kPcieCap : 0);
    c.u16(kMsiCap + 2, 0x0080);  // 64-bit capable
    if (!pcie) return c.take();

    const auto link = link_settings(f);
    const bool has_slot = f.port == PortType::RootPort || f.port == PortType::DownstreamPort;
    c.u8(kPcieCap, 0x10);
    c.u8(kPcieCap + 1, 0);
    c.u16(kPcieCap + 2, 0x0002 | static_cast<unsigned>(f.port) << 4 | (has_slot ? 0x0100 : 0));
    c.u32(kPcieCap + 0x04, 0x10008fc2 | (vf ? 0 : 0x10000000));  // DevCap: 512B payload, FLR
    c.u16(kPcieCap + 0x08, 0x2810);
    c.u32(kPcieCap + 0x0c, static_cast<std::uint32_t>(link.speed_code | link.width << 4) | 0x0003'0c00u);
    c.u16(kPcieCap + 0x12, static_cast<unsigned>(link.speed_code | link.width << 4) | 0x1000);
    c.u32(kPcieCap + 0x24, 0x00000000);                    // DevCap2
    c.u32(kPcieCap + 0x2c, (2u << link.speed_code) - 2u);  // LinkCap2: every speed up to the max

    // Extended capabilities: AER, then ACS, then SR-IOV.
    const bool pf = s.sriov.has_value();
    const std::size_t after_aer = f.acs_present ? kAcsExt : pf ? kSriovExt : 0;
    c.u32(kAerExt, ext_header(0x0001, 2, after_aer));
    if (f.acs_present) {
        c.u32(kAcsExt, ext_header(0x000d, 1, pf ? kSriovExt : 0));
        c.u16(kAcsExt + 4, f.acs_capability);
        c.u16(kAcsExt + 6, f.acs_control);
    }
    if (pf) {
        const auto& sr = *s.sriov;
        c.u32(kSriovExt, ext_header(0x0010, 1, 0));
        c.u32(kSriovExt + 0x04, 0x00000002);                         // ARI capable hierarchy preserved
        c.u16(kSriovExt + 0x08, sr.num_vfs > 0 ? 0x0019 : 0x0010);   // VF Enable + VF MSE (+ ARI)
        c.u16(kSriovExt + 0x0c, static_cast<unsigned>(sr.total_vfs));  // InitialVFs
        c.u16(kSriovExt + 0x0e, static_cast<unsigned>(sr.total_vfs));  // TotalVFs
        c.u16(kSriovExt + 0x10, static_cast<unsigned>(sr.num_vfs));    // NumVFs
        c.u16(kSriovExt + 0x14, static_cast<unsigned>(sr.first_vf_offset));
        c.u16(kSriovExt + 0x16, static_cast<unsigned>(sr.vf_stride));
        c.u16(kSriovExt + 0x1a, sr.vf_device);
        c.u32(kSriovExt + 0x1c, 0x00000553);  // supported page sizes
        c.u32(kSriovExt + 0x20, 0x00000001);  // system page size 4 KiB
    }
    return c.take();
}

}  // namespace isola::lab
