#include "explain/acs_quirks.hpp"

#include <array>

#include "explain/acs_check.hpp"

namespace isola {
namespace {

constexpr std::uint16_t kAti = 0x1002, kAmd = 0x1022, kIntel = 0x8086, kSolarflare = 0x1924, kQcom = 0x17cb,
                        kHxt = 0x1dbf, kCavium = 0x177d, kAmcc = 0x10e8, kAmpere = 0x1def, kBroadcom = 0x14e4,
                        kLoongson = 0x0014, kAnnapurna = 0x1c36, kZhaoxin = 0x1d17, kNxp = 0x1957, kWangxun = 0x8088;

constexpr AcsQuirk one(std::uint16_t v, std::uint16_t d, std::string_view fn, QuirkScope s = QuirkScope::Any) {
    return {v, d, d, s, true, fn};
}
constexpr AcsQuirk range(std::uint16_t v, std::uint16_t first, std::uint16_t last, std::string_view fn, QuirkScope s) {
    return {v, first, last, s, true, fn};
}

constexpr std::string_view kMf = "pci_quirk_mf_endpoint_acs";
constexpr std::string_view kAmdSb = "pci_quirk_amd_sb_acs";
constexpr std::string_view kPch = "pci_quirk_intel_pch_acs";
constexpr std::string_view kSpt = "pci_quirk_intel_spt_pch_acs";
constexpr std::string_view kQcomRp = "pci_quirk_qcom_rp_acs";
constexpr std::string_view kNxpRp = "pci_quirk_nxp_rp_acs";
constexpr std::string_view kLoongsonRp = "pci_quirk_loongson_acs";
constexpr std::string_view kXgene = "pci_quirk_xgene_acs";
constexpr std::string_view kZhaoxinPorts = "pci_quirk_zhaoxin_pcie_ports_acs";
constexpr std::string_view kWangxunNic = "pci_quirk_wangxun_nic_acs";
constexpr auto kRp = QuirkScope::RootPort;

// In the kernel's order: the first entry whose ID and scope match decides. Entries with a scope
// stand for quirks that return -ENOTTY (no opinion) outside it. Verdicts assume the kernel's boot
// fix-ups ran (pci_quirk_enable_intel_pch_acs / _spt_pch_acs enable the PCH ports' controls).
constexpr auto kTable = std::to_array<AcsQuirk>({
    // AMD/ATI southbridge functions (needs the IVRS table, i.e. an AMD IOMMU).
    one(kAti, 0x4385, kAmdSb, QuirkScope::MultifunctionOnRootBus), one(kAti, 0x439c, kAmdSb, QuirkScope::MultifunctionOnRootBus),
    one(kAti, 0x4383, kAmdSb, QuirkScope::MultifunctionOnRootBus), one(kAti, 0x439d, kAmdSb, QuirkScope::MultifunctionOnRootBus),
    one(kAti, 0x4384, kAmdSb, QuirkScope::MultifunctionOnRootBus), one(kAti, 0x4399, kAmdSb, QuirkScope::MultifunctionOnRootBus),
    one(kAmd, 0x780f, kAmdSb, QuirkScope::MultifunctionOnRootBus), one(kAmd, 0x7809, kAmdSb, QuirkScope::MultifunctionOnRootBus),
    // Multifunction endpoints verified by their vendors not to do peer-to-peer between functions.
    one(kSolarflare, 0x0903, kMf), one(kSolarflare, 0x0923, kMf), one(kSolarflare, 0x0a03, kMf),
    one(kIntel, 0x10c6, kMf), one(kIntel, 0x10db, kMf), one(kIntel, 0x10dd, kMf), one(kIntel, 0x10e1, kMf),
    one(kIntel, 0x10f1, kMf), one(kIntel, 0x10f7, kMf), one(kIntel, 0x10f8, kMf), one(kIntel, 0x10f9, kMf),
    one(kIntel, 0x10fa, kMf), one(kIntel, 0x10fb, kMf), one(kIntel, 0x10fc, kMf), one(kIntel, 0x1507, kMf),
    one(kIntel, 0x1514, kMf), one(kIntel, 0x151c, kMf), one(kIntel, 0x1529, kMf), one(kIntel, 0x152a, kMf),
    one(kIntel, 0x154d, kMf), one(kIntel, 0x154f, kMf), one(kIntel, 0x1551, kMf), one(kIntel, 0x1558, kMf),
    // 82580
    one(kIntel, 0x1509, kMf), one(kIntel, 0x150e, kMf), one(kIntel, 0x150f, kMf), one(kIntel, 0x1510, kMf),
    one(kIntel, 0x1511, kMf), one(kIntel, 0x1516, kMf), one(kIntel, 0x1527, kMf),
    // 82576
    one(kIntel, 0x10c9, kMf), one(kIntel, 0x10e6, kMf), one(kIntel, 0x10e7, kMf), one(kIntel, 0x10e8, kMf),
    one(kIntel, 0x150a, kMf), one(kIntel, 0x150d, kMf), one(kIntel, 0x1518, kMf), one(kIntel, 0x1526, kMf),
    // 82575
    one(kIntel, 0x10a7, kMf), one(kIntel, 0x10a9, kMf), one(kIntel, 0x10d6, kMf),
    // I350
    one(kIntel, 0x1521, kMf), one(kIntel, 0x1522, kMf), one(kIntel, 0x1523, kMf), one(kIntel, 0x1524, kMf),
    // 82571 (quads omitted by the kernel: non-ACS switch)
    one(kIntel, 0x105e, kMf), one(kIntel, 0x105f, kMf), one(kIntel, 0x1060, kMf), one(kIntel, 0x10d9, kMf),
    // I219
    one(kIntel, 0x15b7, kMf), one(kIntel, 0x15b8, kMf),
    // Any Intel RC-integrated endpoint: p2p only on translated addresses (VT-d spec 3.16).
    range(kIntel, 0x0000, 0xffff, "pci_quirk_rciep_acs", QuirkScope::RcIntegratedEndpoint),
    // QCOM / HXT root complexes without a real ACS capability.
    one(kQcom, 0x0400, kQcomRp), one(kQcom, 0x0401, kQcomRp), one(kQcom, 0x0115, kQcomRp),
    one(kQcom, 0x0111, kQcomRp), one(kQcom, 0x0120, kQcomRp), one(kHxt, 0x0401, kQcomRp),
    // Intel PCH root ports with ACS-like controls but no ACS capability (Red Hat bz 1037684).
    range(kIntel, 0x3b42, 0x3b51, kPch, kRp), range(kIntel, 0x1c10, 0x1c1f, kPch, kRp),
    range(kIntel, 0x1e10, 0x1e1f, kPch, kRp), range(kIntel, 0x8c10, 0x8c1f, kPch, kRp),
    range(kIntel, 0x9c10, 0x9c1b, kPch, kRp), range(kIntel, 0x9c90, 0x9c9b, kPch, kRp),
    one(kIntel, 0x1d10, kPch, kRp), one(kIntel, 0x1d12, kPch, kRp), one(kIntel, 0x1d14, kPch, kRp),
    one(kIntel, 0x1d16, kPch, kRp), one(kIntel, 0x1d18, kPch, kRp), one(kIntel, 0x1d1a, kPch, kRp),
    one(kIntel, 0x1d1c, kPch, kRp), one(kIntel, 0x1d1e, kPch, kRp), range(kIntel, 0x8d10, 0x8d1e, kPch, kRp),
    one(kIntel, 0x8c90, kPch, kRp), one(kIntel, 0x8c92, kPch, kRp), one(kIntel, 0x8c94, kPch, kRp),
    one(kIntel, 0x8c96, kPch, kRp), one(kIntel, 0x8c98, kPch, kRp), one(kIntel, 0x8c9a, kPch, kRp),
    one(kIntel, 0x8c9c, kPch, kRp), one(kIntel, 0x8c9e, kPch, kRp),
    // Sunrise Point and later PCH root ports: ACS control at a non-standard offset.
    range(kIntel, 0xa110, 0xa11f, kSpt, kRp), range(kIntel, 0xa167, 0xa16a, kSpt, kRp),
    range(kIntel, 0xa290, 0xa29f, kSpt, kRp), range(kIntel, 0xa2e7, 0xa2ee, kSpt, kRp),
    range(kIntel, 0x9d10, 0x9d1b, kSpt, kRp),
    // Emulex
    one(0x19a2, 0x0710, kMf), one(0x10df, 0x0720, kMf),
    // Cavium ThunderX root ports, and multifunction devices.
    range(kCavium, 0xa000, 0xa7ff, "pci_quirk_cavium_acs", kRp), one(kCavium, 0xaf84, "pci_quirk_cavium_acs", kRp),
    one(kCavium, 0xb884, "pci_quirk_cavium_acs", kRp),
    one(kCavium, 0xa026, kMf), one(kCavium, 0xa059, kMf), one(kCavium, 0xa060, kMf),
    // APM X-Gene, Ampere
    one(kAmcc, 0xe004, kXgene), range(kAmpere, 0xe005, 0xe00c, kXgene, QuirkScope::Any),
    // Broadcom
    one(kBroadcom, 0x16d7, kMf), one(kBroadcom, 0x1750, kMf), one(kBroadcom, 0x1751, kMf),
    one(kBroadcom, 0x1752, kMf), one(kBroadcom, 0x1760, kMf), one(kBroadcom, 0x1761, kMf),
    one(kBroadcom, 0x1762, kMf), one(kBroadcom, 0x1763, kMf), one(kBroadcom, 0xd714, "pci_quirk_brcm_acs"),
    // Loongson root ports
    one(kLoongson, 0x3c09, kLoongsonRp), one(kLoongson, 0x3c19, kLoongsonRp), one(kLoongson, 0x3c29, kLoongsonRp),
    one(kLoongson, 0x7a09, kLoongsonRp), one(kLoongson, 0x7a19, kLoongsonRp),
    one(kLoongson, 0x7a29, kLoongsonRp), one(kLoongson, 0x7a39, kLoongsonRp), one(kLoongson, 0x7a49, kLoongsonRp),
    one(kLoongson, 0x7a59, kLoongsonRp), one(kLoongson, 0x7a69, kLoongsonRp),
    // Amazon Annapurna Labs root ports
    one(kAnnapurna, 0x0031, "pci_quirk_al_acs", kRp),
    // Zhaoxin multifunction devices
    one(kZhaoxin, 0x3038, kMf), one(kZhaoxin, 0x3104, kMf), one(kZhaoxin, 0x9083, kMf),
    // NXP LX2xx0/LX2xx2 root ports
    one(kNxp, 0x8d81, kNxpRp), one(kNxp, 0x8da1, kNxpRp), one(kNxp, 0x8d83, kNxpRp), one(kNxp, 0x8d80, kNxpRp),
    one(kNxp, 0x8da0, kNxpRp), one(kNxp, 0x8d82, kNxpRp), one(kNxp, 0x8d90, kNxpRp), one(kNxp, 0x8db0, kNxpRp),
    one(kNxp, 0x8d92, kNxpRp), one(kNxp, 0x8d91, kNxpRp), one(kNxp, 0x8db1, kNxpRp), one(kNxp, 0x8d93, kNxpRp),
    one(kNxp, 0x8d89, kNxpRp), one(kNxp, 0x8da9, kNxpRp), one(kNxp, 0x8d8b, kNxpRp), one(kNxp, 0x8d88, kNxpRp),
    one(kNxp, 0x8da8, kNxpRp), one(kNxp, 0x8d8a, kNxpRp), one(kNxp, 0x8d98, kNxpRp), one(kNxp, 0x8db8, kNxpRp),
    one(kNxp, 0x8d9a, kNxpRp), one(kNxp, 0x8d99, kNxpRp), one(kNxp, 0x8db9, kNxpRp), one(kNxp, 0x8d9b, kNxpRp),
    // Zhaoxin root and downstream ports: listed ones isolated, every other one explicitly not.
    range(kZhaoxin, 0x0710, 0x071e, kZhaoxinPorts, QuirkScope::RootOrDownstreamPort),
    one(kZhaoxin, 0x0721, kZhaoxinPorts, QuirkScope::RootOrDownstreamPort),
    range(kZhaoxin, 0x0723, 0x0752, kZhaoxinPorts, QuirkScope::RootOrDownstreamPort),
    AcsQuirk{kZhaoxin, 0x0000, 0xffff, QuirkScope::RootOrDownstreamPort, false, kZhaoxinPorts},
    // Wangxun NICs: listed ones isolated, every other Wangxun function explicitly not.
    range(kWangxun, 0x0100, 0x010f, kWangxunNic, QuirkScope::Any), one(kWangxun, 0x1001, kWangxunNic),
    one(kWangxun, 0x2001, kWangxunNic), one(kWangxun, 0x5010, kWangxunNic), one(kWangxun, 0x5025, kWangxunNic),
    one(kWangxun, 0x5040, kWangxunNic), one(kWangxun, 0x5110, kWangxunNic), one(kWangxun, 0x5125, kWangxunNic),
    one(kWangxun, 0x5140, kWangxunNic),
    AcsQuirk{kWangxun, 0x0000, 0xffff, QuirkScope::Any, false, kWangxunNic},
});

bool in_scope(const AcsQuirk& q, const Device& d, bool on_root_bus) {
    const auto type = d.port_type.value_or(PortType::Conventional);
    switch (q.scope) {
        case QuirkScope::Any: return true;
        case QuirkScope::RootPort: return type == PortType::RootPort;
        case QuirkScope::RootOrDownstreamPort: return type == PortType::RootPort || type == PortType::DownstreamPort;
        case QuirkScope::RcIntegratedEndpoint: return type == PortType::RcIntegratedEndpoint;
        case QuirkScope::MultifunctionOnRootBus: return kernel_multifunction(d).value_or(false) && on_root_bus;
    }
    return false;
}

}  // namespace

std::span<const AcsQuirk> acs_quirk_table() { return kTable; }

std::optional<AcsQuirk> acs_quirk_for(const Device& d, bool on_root_bus) {
    if (!d.vendor_id || !d.device_id) return std::nullopt;  // a listing without IDs: no quirk can be matched
    for (const auto& q : kTable)
        if (q.vendor == *d.vendor_id && *d.device_id >= q.device_first && *d.device_id <= q.device_last &&
            in_scope(q, d, on_root_bus))
            return q;
    return std::nullopt;
}

}  // namespace isola
