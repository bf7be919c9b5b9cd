// Reading libvirt domain XML and Proxmox qemu-server configs, including damaged files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "review/vm_definition.hpp"

using namespace isola;

namespace {

constexpr const char* kWin11Xml = R"(<domain type='kvm'>
  <name>win11</name>
  <devices>
    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source>
        <address domain='0x0000' bus='0x0b' slot='0x00' function='0x0'/>
      </source>
      <address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/>
    </hostdev>
    <hostdev mode='subsystem' type='pci'>
      <source><address bus='11' slot='0' function='1'/></source>
    </hostdev>
    <hostdev mode='subsystem' type='usb'>
      <source><vendor id='0x046d'/><product id='0xc52b'/></source>
    </hostdev>
    <interface type='hostdev' managed='no'>
      <source><address type='pci' domain='0x0000' bus='0x06' slot='0x10' function='0x2'/></source>
    </interface>
  </devices>
</domain>
)";

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::path(testing::TempDir()) / ("isola-review-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void write(const std::filesystem::path& p, std::string_view text) { std::ofstream(p) << text; }

}  // namespace

TEST(ReviewLibvirt, ReadsNameHostdevsAndHostdevInterfaces) {
    const auto vm = parse_libvirt_domain(kWin11Xml, "win11.xml");
    EXPECT_EQ(vm.name, "win11");
    EXPECT_EQ(vm.kind, "libvirt");
    EXPECT_TRUE(vm.problems.empty());
    ASSERT_EQ(vm.devices.size(), 3u);
    EXPECT_EQ(vm.devices[0].address, Bdf::parse("0b:00.0"));
    EXPECT_EQ(vm.devices[0].managed, std::optional<bool>(true));
    EXPECT_EQ(vm.devices[0].line, 4);
    EXPECT_EQ(vm.devices[0].entry, "hostdev 1");
    // Decimal attributes are read as libvirt reads them; no managed attribute is kept as "not given".
    EXPECT_EQ(vm.devices[1].address, Bdf::parse("0b:00.1"));
    EXPECT_EQ(vm.devices[1].managed, std::nullopt);
    EXPECT_EQ(vm.devices[2].address, Bdf::parse("06:10.2"));
    EXPECT_EQ(vm.devices[2].managed, std::optional<bool>(false));
    EXPECT_EQ(vm.devices[2].entry, "interface 1");
}

TEST(ReviewLibvirt, DamagedXmlIsAProblemNamingFileAndLine) {
    const auto vm = parse_libvirt_domain("<domain>\n  <name>x</name>\n  <devices>\n</domain>\n", "/etc/libvirt/qemu/x.xml");
    EXPECT_TRUE(vm.devices.empty());
    ASSERT_EQ(vm.problems.size(), 1u);
    EXPECT_EQ(vm.problems[0].code, "vm-file-unreadable");
    EXPECT_EQ(vm.problems[0].sentence, "/etc/libvirt/qemu/x.xml:4: cannot read this libvirt domain: Start-end tags "
        "mismatch; the devices it claims are not checked");
}

TEST(ReviewLibvirt, NotADomainIsAProblem) {
    const auto vm = parse_libvirt_domain("<network><name>default</name></network>", "default.xml");
    ASSERT_EQ(vm.problems.size(), 1u);
    EXPECT_EQ(vm.problems[0].sentence, "default.xml: cannot read this libvirt domain: its root element is <network>, "
        "not <domain>");
}

TEST(ReviewLibvirt, BadAddressIsAProblemForThatClaimOnly) {
    const auto vm = parse_libvirt_domain(R"(<domain><name>w</name><devices>
<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0xzz' slot='0x00' function='0x0'/></source></hostdev>
<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x01' slot='0x00'/></source></hostdev>
<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x02' slot='0x00' function='0x0'/></source></hostdev>
</devices></domain>)",
                                         "w.xml");
    ASSERT_EQ(vm.devices.size(), 1u);
    EXPECT_EQ(vm.devices[0].address, Bdf::parse("02:00.0"));
    ASSERT_EQ(vm.problems.size(), 2u);
    EXPECT_EQ(vm.problems[0].code, "vm-claim-unreadable");
    EXPECT_EQ(vm.problems[0].sentence, "w.xml:2: cannot read hostdev 1 of \"w\": bus='0xzz' is not a PCI bus number; "
        "this claim is not checked");
    EXPECT_EQ(vm.problems[1].sentence, "w.xml:3: cannot read hostdev 2 of \"w\": its <address> has no function "
        "attribute; this claim is not checked");
}

TEST(ReviewLibvirt, BinaryJunkAndEmptyFilesDoNotCrash) {
    EXPECT_EQ(parse_libvirt_domain("", "e.xml").problems.size(), 1u);
    EXPECT_EQ(parse_libvirt_domain(std::string_view("\0\xff\xfe<", 4), "j.xml").problems.size(), 1u);
}

TEST(ReviewProxmox, ReadsNameAndEveryHostpciForm) {
    const auto vm = parse_proxmox_config(R"(#Gaming VM
boot: order=scsi0
hostpci0: 0000:0b:00,pcie=1,x-vga=1
hostpci1: host=0c:00.0;0c:00.3,rombar=0
hostpci2: mapping=gpu,pcie=1
name: gaming
[snap1]
hostpci3: 0d:00.0
)",
                                         "/etc/pve/qemu-server/100.conf");
    EXPECT_EQ(vm.name, "gaming");
    EXPECT_EQ(vm.id, "100");
    EXPECT_EQ(vm.kind, "proxmox");
    ASSERT_EQ(vm.devices.size(), 3u);
    EXPECT_EQ(vm.devices[0].address, Bdf::parse("0b:00.0"));
    EXPECT_TRUE(vm.devices[0].whole_slot);
    EXPECT_EQ(vm.devices[0].line, 3);
    EXPECT_EQ(vm.devices[0].entry, "hostpci0");
    EXPECT_EQ(vm.devices[1].address, Bdf::parse("0c:00.0"));
    EXPECT_FALSE(vm.devices[1].whole_slot);
    EXPECT_EQ(vm.devices[2].address, Bdf::parse("0c:00.3"));
    ASSERT_EQ(vm.problems.size(), 1u);
    EXPECT_EQ(vm.problems[0].code, "vm-mapping-unresolved");
    EXPECT_EQ(vm.problems[0].sentence, "/etc/pve/qemu-server/100.conf:5: \"gaming\" (VM 100) uses the cluster resource "
        "mapping \"gpu\" (hostpci2), which only the cluster's /etc/pve/mapping/pci.cfg resolves: the review cannot "
        "tell which device it claims, so its IOMMU group is not checked");
}

TEST(ReviewProxmox, DamagedLinesAreProblemsWithFileAndLine) {
    const auto vm = parse_proxmox_config("name: nas\nthis is not a setting\nhostpci0: zz:00.0\nhostpci1: pcie=1\n",
                                         "/etc/pve/qemu-server/101.conf");
    EXPECT_TRUE(vm.devices.empty());
    ASSERT_EQ(vm.problems.size(), 3u);
    EXPECT_EQ(vm.problems[0].sentence, "/etc/pve/qemu-server/101.conf:2: this line is not a \"key: value\" setting "
        "(\"this is not a setting\"); Proxmox itself rejects such a file, and only the other lines were read");
    EXPECT_EQ(vm.problems[1].sentence, "/etc/pve/qemu-server/101.conf:3: \"nas\" (VM 101) has hostpci0 \"zz:00.0\", "
        "which is not a PCI address (BB:DD.F or BB:DD); this claim is not checked");
    EXPECT_EQ(vm.problems[2].sentence, "/etc/pve/qemu-server/101.conf:4: \"nas\" (VM 101) has a hostpci1 without a "
        "host device (\"pcie=1\"); this claim is not checked");
}

TEST(ReviewDefinitionDirs, ReadsOnlyDefinitionFilesAndReportsAMissingDirectory) {
    const auto libvirt_dir = fresh_dir("libvirt");
    write(libvirt_dir / "win11.xml", kWin11Xml);
    write(libvirt_dir / "broken.xml", "<domain><name>b</name>");
    write(libvirt_dir / "notes.txt", "not a domain");
    std::filesystem::create_directories(libvirt_dir / "autostart");
    const auto libvirt = read_libvirt_domains(libvirt_dir);
    ASSERT_TRUE(libvirt.has_value());
    ASSERT_EQ(libvirt->size(), 2u);
    EXPECT_EQ((*libvirt)[0].source_file, (libvirt_dir / "broken.xml").string());
    EXPECT_EQ((*libvirt)[0].problems.size(), 1u);
    EXPECT_EQ((*libvirt)[1].name, "win11");

    const auto pve_dir = fresh_dir("pve");
    write(pve_dir / "100.conf", "name: a\nhostpci0: 01:00.0\n");
    write(pve_dir / "template.conf", "name: b\n");
    const auto pve = read_proxmox_configs(pve_dir);
    ASSERT_TRUE(pve.has_value());
    ASSERT_EQ(pve->size(), 1u);
    EXPECT_EQ((*pve)[0].id, "100");

    const auto missing = read_proxmox_configs(pve_dir / "nope");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().message, "cannot read the Proxmox VM config directory " + (pve_dir / "nope").string() +
                                           ": No such file or directory");
}

namespace {

constexpr const char* kPciCfg = "gpu\n"
                                "\tmap id=1002:6798,iommugroup=4,node=pve,path=0000:04:00.0,subsystem-id=1458:3001\n"
                                "\tmap id=10de:2204,node=other,path=0000:41:00.0\n"
                                "\tdescription Radeon for the gaming VM\n"
                                "\tmdev 0\n"
                                "\n"
                                "nics\n"
                                "\tmap id=8086:1521,node=pve,path=0000:05:00.0;0000:05:00.1\n";

VmDefinition vm_using(std::string mapping) {
    return parse_proxmox_config("name: gaming\nhostpci0: mapping=" + mapping + ",pcie=1\n", "/etc/pve/qemu-server/100.conf");
}

}  // namespace

TEST(ReviewProxmox, ReadsResourceMappings) {
    const auto m = parse_proxmox_pci_mappings(kPciCfg, "/etc/pve/mapping/pci.cfg");
    ASSERT_EQ(m.mappings.size(), 2u);
    const auto& gpu = m.mappings.at("gpu");
    ASSERT_EQ(gpu.size(), 2u);
    EXPECT_EQ(gpu[0].node, "pve");
    EXPECT_EQ(gpu[0].paths, std::vector<std::string>{"0000:04:00.0"});
    EXPECT_EQ(gpu[0].id, (std::pair<std::uint16_t, std::uint16_t>{0x1002, 0x6798}));
    EXPECT_EQ(gpu[0].subsystem, (std::pair<std::uint16_t, std::uint16_t>{0x1458, 0x3001}));
    EXPECT_EQ(gpu[0].line, 2);
    EXPECT_FALSE(gpu[1].subsystem);
    EXPECT_EQ(m.mappings.at("nics")[0].paths.size(), 2u);
    EXPECT_TRUE(m.problems.empty());
}

TEST(ReviewProxmox, AMappingOfThisNodeBecomesAClaimWithTheRecordedIdentity) {
    const auto m = parse_proxmox_pci_mappings(kPciCfg, "/etc/pve/mapping/pci.cfg");
    std::vector vms{vm_using("gpu")};
    resolve_proxmox_mappings(vms, m, "pve");
    EXPECT_TRUE(vms[0].problems.empty());
    ASSERT_EQ(vms[0].devices.size(), 1u);
    const ClaimedDevice& c = vms[0].devices[0];
    EXPECT_EQ(c.address, Bdf::parse("04:00.0"));
    EXPECT_EQ(c.entry, "hostpci0");
    EXPECT_EQ(c.line, 2);
    ASSERT_TRUE(c.expected);
    EXPECT_EQ(c.expected->vendor_id, 0x1002);
    EXPECT_EQ(c.expected->device_id, 0x6798);
    EXPECT_EQ(c.expected->mapping, "gpu");
}

TEST(ReviewProxmox, MappingsThatCannotBeResolvedSaySo) {
    const auto m = parse_proxmox_pci_mappings(kPciCfg, "/etc/pve/mapping/pci.cfg");
    std::vector vms{vm_using("tpu"), vm_using("gpu"), vm_using("nics")};
    resolve_proxmox_mappings(std::span(vms).first(1), m, "pve");
    resolve_proxmox_mappings(std::span(vms).subspan(1, 1), m, "backup");
    resolve_proxmox_mappings(std::span(vms).subspan(2), m, "pve");
    for (const auto& vm : vms) {
        EXPECT_TRUE(vm.devices.empty());
        ASSERT_EQ(vm.problems.size(), 1u);
        EXPECT_EQ(vm.problems[0].code, "vm-mapping-unresolved");
    }
    EXPECT_EQ(vms[0].problems[0].sentence,
              "/etc/pve/qemu-server/100.conf:2: \"gaming\" (VM 100) uses the resource mapping \"tpu\" (hostpci0), which "
              "/etc/pve/mapping/pci.cfg does not define; Proxmox cannot start the VM this way: create the mapping or "
              "fix the name");
    EXPECT_EQ(vms[1].problems[0].sentence,
              "/etc/pve/qemu-server/100.conf:2: \"gaming\" (VM 100) uses the resource mapping \"gpu\" (hostpci0), which "
              "has no device for this node (\"backup\"); Proxmox cannot start the VM here: add this node's device to "
              "the mapping");
    EXPECT_EQ(vms[2].problems[0].sentence,
              "/etc/pve/qemu-server/100.conf:2: \"gaming\" (VM 100) uses the resource mapping \"nics\" (hostpci0), which "
              "offers 2 devices on this node; the VM gets whichever is free when it starts, so their IOMMU groups are "
              "not checked");
}

TEST(ReviewProxmox, FindsTheClustersMappingFileFromAQemuServerDirectory) {
    const auto root = fresh_dir("pve-layout");
    std::filesystem::create_directories(root / "etc/pve/nodes/pve/qemu-server");
    std::filesystem::create_directories(root / "etc/pve/mapping");
    EXPECT_FALSE(find_proxmox_pci_mappings(root / "etc/pve/qemu-server"));
    write(root / "etc/pve/mapping/pci.cfg", kPciCfg);
    EXPECT_EQ(find_proxmox_pci_mappings(root / "etc/pve/qemu-server"), root / "etc/pve/mapping/pci.cfg");
    EXPECT_EQ(find_proxmox_pci_mappings(root / "etc/pve/nodes/pve/qemu-server/"), root / "etc/pve/mapping/pci.cfg");
    auto read = read_proxmox_pci_mappings(root / "etc/pve/mapping/pci.cfg");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->mappings.size(), 2u);
    EXPECT_EQ(read_proxmox_pci_mappings(root / "nope.cfg").error().message,
              "cannot read the Proxmox resource mappings file " + (root / "nope.cfg").string() +
                  ": there is no such file");
    std::filesystem::remove_all(root);
}

TEST(ReviewProxmox, DamagedMappingFilesAreToldWithFileAndLine) {
    const auto m = parse_proxmox_pci_mappings("\tmap id=1002:6798,node=pve,path=0000:04:00.0\n"
                                              "gpu\n"
                                              "\tmap id=1002:6798,node=pve,path=slot-four\n",
                                              "/etc/pve/mapping/pci.cfg");
    ASSERT_EQ(m.problems.size(), 1u);
    EXPECT_EQ(m.problems[0].sentence, "/etc/pve/mapping/pci.cfg:1: a \"map\" line before any mapping name; it is ignored");

    std::vector vms{vm_using("gpu")};
    resolve_proxmox_mappings(vms, m, "pve");
    EXPECT_TRUE(vms[0].devices.empty());
    ASSERT_EQ(vms[0].problems.size(), 2u);
    EXPECT_EQ(vms[0].problems[1].sentence, m.problems[0].sentence) << "the file's own problems are told once";
    EXPECT_EQ(vms[0].problems[0].code, "vm-mapping-unresolved");
    EXPECT_EQ(vms[0].problems[0].sentence,
              "/etc/pve/qemu-server/100.conf:2: \"gaming\" (VM 100) uses the resource mapping \"gpu\" (hostpci0), whose "
              "path \"slot-four\" in /etc/pve/mapping/pci.cfg:3 is not a PCI address; this claim is not checked");
}
