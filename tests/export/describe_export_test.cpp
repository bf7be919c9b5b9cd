// Every export sentence, said from its typed value, verbatim — in English, and through the German
// and French catalogs the build compiled. The configuration around them is never translated.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <string>

#include "export/export_config.hpp"
#include "export/export_selection.hpp"
#include "export_test_host.hpp"
#include "text/message.hpp"

#include "support/speaking.hpp"

using namespace isola;
using isola::test::Speaking;
using namespace isola::export_detail;
using namespace isola::export_test;

namespace {

std::string say_note(ExportNoteKind kind) { return describe(ExportNote{.kind = kind}); }

const std::string kGpu = "0000:0b:00.0 (NVIDIA GP104 [GeForce GTX 1080])";

}  // namespace

TEST(DescribeExport, EveryErrorInEnglish) {
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::NothingSelected}),
              "nothing is selected: choose at least one PCI function to export");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::NotOnHost, .device = "0000:42:00.0"}),
              "0000:42:00.0 is not a PCI function on this host");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::NoIommuGroup, .device = kGpu}),
              kGpu + " has no IOMMU group because no IOMMU is active on this host, and VFIO cannot take a device "
                     "without one: enable VT-d (Intel) or AMD-Vi (AMD) in the firmware setup, boot with "
                     "intel_iommu=on on Intel systems, and export again");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::NoIommuGroup, .device = kGpu, .host_has_groups = true}),
              kGpu + " has no IOMMU group although other devices on this host have one, so VFIO cannot take it: the "
                     "IOMMU does not cover it, or the source did not record its group; read the live host again "
                     "before exporting");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::OnlyBridges, .device = "0000:00:03.1 (AMD Bridge)",
                                   .groups = {2}}),
              "0000:00:03.1 (AMD Bridge) is a PCI bridge and IOMMU group 2 holds no endpoint to pass through; bridges "
              "stay with the host, so select the devices behind it instead");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::OnlyBridges, .device = "0000:00:03.1 (AMD Bridge)",
                                   .groups = {2, 3}}),
              "0000:00:03.1 (AMD Bridge) is a PCI bridge and IOMMU groups 2 and 3 hold no endpoint to pass through; "
              "bridges stay with the host, so select the devices behind it instead");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::IdsUnknown, .device = "0000:0b:00.0 (VGA compatible controller)",
                                   .format = "kernel-cmdline"}),
              "0000:0b:00.0 (VGA compatible controller) has no vendor and device IDs in this source, and kernel-cmdline "
              "binds vfio-pci by ID: read the host itself, or import a listing made with lspci -nn, or bind by address "
              "with the driverctl export");
    EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::RomFileNotAbsolute, .rom_file = "gtx1080.rom"}),
              "the ROM file \"gtx1080.rom\" is not an absolute path: libvirt requires one and QEMU would look for a "
              "relative name in its own data directory; give the full path");
}

TEST(DescribeExport, GroupsAndBridgesInEnglish) {
    EXPECT_EQ(groups_phrase({14}), "IOMMU group 14");
    EXPECT_EQ(groups_phrase({3, 14}), "IOMMU groups 3 and 14");
    EXPECT_EQ(groups_phrase({1, 2, 7}), "IOMMU groups 1, 2 and 7");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::ClosureGroups, .groups = {14}}),
              "Isola: every endpoint of IOMMU group 14. VFIO takes whole groups, so a group-mate left out makes the VM "
              "fail to start.");
    EXPECT_EQ(say_note(ExportNoteKind::NoBridges), "Bridges are never passed through; these groups hold none.");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::BridgesStay, .items = {"0000:00:1c.0"}}),
              "Bridges are never passed through: 0000:00:1c.0 stays with the host on its bridge driver.");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::BridgesStay, .items = {"0000:00:1c.0", "0000:00:1c.4"}}),
              "Bridges are never passed through: 0000:00:1c.0 and 0000:00:1c.4 stay with the host on its bridge "
              "driver.");
}

TEST(DescribeExport, EveryWarningInEnglish) {
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::GroupMateIncluded, .device = kGpu, .other = "0000:0b:00.1",
                                  .group = 14}),
              kGpu + " is included because it shares IOMMU group 14 with 0000:0b:00.1, and VFIO takes whole groups; "
                     "the host loses it while the VM runs");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::NoIommuGroup, .group = 7}),
              "IOMMU group 7 is a VFIO no-IOMMU group: the device gets no DMA isolation and can read and write all "
              "host memory");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::RomNotEndpoint, .other = "0000:05:00.0"}),
              "the ROM options name 0000:05:00.0, which is not an endpoint in this export; they are not applied to it");
    EXPECT_EQ(say_note(ExportNoteKind::RomNoDisplay),
              "the ROM options apply to display controllers by default, and this export has none; name the functions "
              "they are for");
    EXPECT_EQ(say_note(ExportNoteKind::XvgaNoVga),
              "x-vga applies only to VGA-compatible controllers (class 0300), and this export has none");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::XvgaSeveral, .count = 2}),
              "x-vga is set on 2 VGA controllers, but a guest has only one primary VGA device; keep it on the one the "
              "guest boots with");
    EXPECT_EQ(say_note(ExportNoteKind::NoDevIommu),
              "this host has no /dev/iommu: its kernel lacks CONFIG_IOMMUFD, so the iommufd backend cannot start; use "
              "the legacy container backend");
    EXPECT_EQ(say_note(ExportNoteKind::NoVfioCdev),
              "this host has no /dev/vfio/devices: its kernel lacks CONFIG_VFIO_DEVICE_CDEV (Linux 6.6+), so the "
              "iommufd backend cannot open the devices; use the legacy container backend");
    EXPECT_EQ(say_note(ExportNoteKind::LibvirtIommufdWarning),
              "the iommufd form (<driver iommufd='yes'/>) needs libvirt 12.1.0 or newer; older libvirt, such as 11.3 "
              "in Debian 13, rejects the domain XML");
    EXPECT_EQ(say_note(ExportNoteKind::LibvirtNoXvga),
              "libvirt's <hostdev> has no x-vga setting, so it is left out; the guest gets the GPU without the legacy "
              "VGA ranges");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::ProxmoxRomDir, .device = "/srv/gtx1080.rom",
                                  .other = "/usr/share/kvm/"}),
              "Proxmox VE reads romfile= from /usr/share/kvm/ only; copy /srv/gtx1080.rom there");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::ProxmoxRomSeparator, .other = "a,b.rom"}),
              "the ROM file name a,b.rom holds a comma or semicolon, which Proxmox VE reads as a separator; rename the "
              "file");
    EXPECT_EQ(say_note(ExportNoteKind::ProxmoxIommufd),
              "Proxmox VE chooses the VFIO backend itself; the iommufd option does not change hostpci lines");
    EXPECT_EQ(say_note(ExportNoteKind::CloudHypervisorNoRomXvga),
              "cloud-hypervisor has no ROM or x-vga settings for VFIO devices; those options are left out");
    EXPECT_EQ(say_note(ExportNoteKind::CloudHypervisorIommufd),
              "cloud-hypervisor chooses its VFIO backend itself; the iommufd option does not change --device "
              "arguments");
    EXPECT_EQ(say_note(ExportNoteKind::CmdlineInitramfs),
              "rd.driver.pre= is read by dracut initramfs images; with initramfs-tools (Debian, Ubuntu) also list "
              "vfio-pci in /etc/initramfs-tools/modules and run update-initramfs -u");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::IdCollision, .device = "10de:1b80",
                                  .other = "vfio-pci.ids=", .items = {"0000:02:00.0 (NVIDIA GP104)"}}),
              "vfio-pci.ids=10de:1b80 also catches 0000:02:00.0 (NVIDIA GP104), which is not part of this selection; "
              "bind by address with driverctl instead");
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::IdCollision, .device = "10de:1b80",
                                  .other = "vfio-pci.ids=", .items = {"0000:02:00.0 (A)", "0000:09:00.0 (B)"}}),
              "vfio-pci.ids=10de:1b80 also catches 0000:02:00.0 (A) and 0000:09:00.0 (B), which are not part of this "
              "selection; bind by address with driverctl instead");
}

TEST(DescribeExport, EveryCommentInEnglish) {
    EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::LibvirtHostdev, .device = "NVIDIA GP104",
                                  .other = "0000:0b:00.0", .group = 14}),
              "0000:0b:00.0 NVIDIA GP104, IOMMU group 14");
    EXPECT_EQ(say_note(ExportNoteKind::LibvirtCardsTogether),
              "Functions of one card are listed together, in function order.");
    EXPECT_EQ(say_note(ExportNoteKind::LibvirtIommufdComment),
              "<driver iommufd='yes'/> selects the IOMMUFD backend for each device; it needs libvirt 12.1.0 or newer, "
              "and older libvirt (Debian 13 ships 11.3) rejects the attribute.");
    EXPECT_EQ(say_note(ExportNoteKind::LibvirtUnmanaged),
              "managed='no': libvirt will not detach the devices itself. Before starting the VM run:");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::QemuMultifunction}),
              "# multifunction=on marks function 0 of a card whose functions pass through together; to keep\n"
              "# them on one guest slot, add bus=<port>,addr=<slot>.<function> to each of them.\n");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::QemuIommufd}),
              "# iommufd backend: needs QEMU 9.0+ and a host kernel with CONFIG_IOMMUFD and\n"
              "# CONFIG_VFIO_DEVICE_CDEV (Linux 6.6+). Without iommufd= QEMU uses the legacy VFIO container.\n");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::ProxmoxPcie}),
              "# pcie=1 needs the q35 machine type (machine: q35); remove it for i440fx.\n");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::ModprobeNotRecommended}),
              "# Not recommended for this host: these IDs also match devices outside the selection (see the\n"
              "# warnings). Bind by address with driverctl instead.\n");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::ModprobeDriverUnknown, .device = "not recorded",
                                 .other = "0000:0b:00.0"}),
              "# The driver of 0000:0b:00.0 is not known (not recorded); add a softdep line for it if it has one.\n");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::ModprobeInitramfs}),
              "# softdep does not apply to drivers built into the kernel. Afterwards rebuild the initramfs\n"
              "# (update-initramfs -u, dracut -f or mkinitcpio -P) and reboot.\n");
    EXPECT_EQ(comment(ExportNote{.kind = ExportNoteKind::DriverctlOverrides}),
              "# Each override is stored under /etc/driverctl.d/ and applied again at every boot. It rebinds the\n"
              "# device at once, so the host loses it now; undo with: driverctl unset-override <address>\n");
}

TEST(DescribeExport, GermanAndFrenchFromTheCatalogs) {
    const ExportError relative{.kind = ExportErrorKind::RomFileNotAbsolute, .rom_file = "gtx1080.rom"};
    {
        Speaking de("de_DE.UTF-8");
        ASSERT_TRUE(de.ok()) << "the de_DE.UTF-8 locale is not installed (the build root generates it)";
        EXPECT_EQ(describe(relative), "die ROM-Datei „gtx1080.rom“ ist kein absoluter Pfad: libvirt verlangt einen, "
                                      "und QEMU würde einen relativen Namen in seinem eigenen Datenverzeichnis suchen; "
                                      "geben Sie den vollständigen Pfad an");
        EXPECT_EQ(groups_phrase({14}), "IOMMU-Gruppe 14");
        // The snippet's comments are German; the configuration stays as it is.
        const auto r = export_config(test_host(), bdfs({"0b:00.0"}), ExportFormat::Driverctl);
        ASSERT_TRUE(r) << r.error().sentence;
        EXPECT_EQ(r->text,
                  "# Isola: jeder Endpunkt von IOMMU-Gruppe 14. VFIO übernimmt ganze Gruppen; fehlt ein "
                  "Gruppenmitglied, startet die VM nicht.\n"
                  "# Bridges werden nie durchgereicht; diese Gruppen enthalten keine.\n"
                  "# Jeder Override wird unter /etc/driverctl.d/ gespeichert und bei jedem Start erneut angewendet. Er "
                  "bindet das\n"
                  "# Gerät sofort um, der Host verliert es also jetzt; rückgängig mit: driverctl unset-override "
                  "<address>\n"
                  "driverctl set-override 0000:0b:00.0 vfio-pci\n"
                  "driverctl set-override 0000:0b:00.1 vfio-pci\n");
    }
    {
        Speaking fr("fr_FR.UTF-8");
        ASSERT_TRUE(fr.ok()) << "the fr_FR.UTF-8 locale is not installed (the build root generates it)";
        EXPECT_EQ(describe(ExportError{.kind = ExportErrorKind::NotOnHost, .device = "0000:42:00.0"}),
                  "0000:42:00.0 n’est pas une fonction PCI de cet hôte");
        EXPECT_EQ(describe(relative), "le fichier ROM «\u00a0gtx1080.rom\u00a0» n’est pas un chemin absolu\u00a0: "
                                      "libvirt en exige un et QEMU chercherait un nom relatif dans son propre "
                                      "répertoire de données\u00a0; indiquez le chemin complet");
        EXPECT_EQ(describe(ExportNote{.kind = ExportNoteKind::BridgesStay, .items = {"0000:00:1c.0"}}),
                  "Les ponts ne sont jamais transmis\u00a0: 0000:00:1c.0 reste à l’hôte avec son pilote de pont.");
    }
    // Back in the C locale: English again.
    EXPECT_EQ(groups_phrase({14}), "IOMMU group 14");
}
