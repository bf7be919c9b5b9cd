// The attach probe against a scripted kernel: both flows succeed and close what they open; each
// errno the lab measured (lab-ground-truth.md §2, §7) becomes its sentence, verbatim; the cdev
// trap; a failure at every step still closes everything. The real kernel answers in the QEMU lab.
#include <gtest/gtest.h>

#include <cerrno>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

#include <linux/iommufd.h>
#include <linux/vfio.h>

#include <nlohmann/json.hpp>

#include "vfio/attach_probe.hpp"
#include "vfio/describe_probe.hpp"
#include "vfio/probe_fd.hpp"
#include "vfio/probe_json.hpp"

#include "support/speaking.hpp"
#include "topology_builder.hpp"

using namespace isola;
namespace fs = std::filesystem;

namespace {

const Bdf kA = *Bdf::parse("0000:02:01.0");
const Bdf kB = *Bdf::parse("0000:02:02.0");

// A kernel that answers every call as scripted, and keeps count of what is open.
class FakeVfio final : public VfioCalls {
public:
    std::map<std::string, int> open_error;      // node -> errno
    std::map<unsigned long, int> ioctl_error;   // request -> errno
    std::map<std::string, NodeStatus> nodes;    // what stat() finds
    unsigned group_flags = VFIO_GROUP_FLAGS_VIABLE;
    int api_version = VFIO_API_VERSION;
    int extension = 1;

    std::map<int, std::string> open_fds;  // fd -> what it is
    int opens = 0;
    int closes = 0;
    std::vector<std::string> log;         // every call, in order

    CallResult open(const fs::path& path) override {
        log.push_back("open " + path.string());
        if (auto it = open_error.find(path.string()); it != open_error.end()) return std::unexpected(it->second);
        return give(path.string());
    }
    CallResult ioctl(int fd, unsigned long request, void* arg) override {
        log.push_back(name(request));
        if (!open_fds.contains(fd)) return std::unexpected(EBADF);
        if (auto it = ioctl_error.find(request); it != ioctl_error.end()) return std::unexpected(it->second);
        if (request == VFIO_GROUP_GET_STATUS) static_cast<vfio_group_status*>(arg)->flags = group_flags;
        if (request == VFIO_GROUP_SET_CONTAINER && !open_fds.contains(*static_cast<int*>(arg))) return std::unexpected(EBADF);
        if (request == VFIO_GROUP_GET_DEVICE_FD) return give(std::string("device ") + static_cast<const char*>(arg));
        if (request == VFIO_DEVICE_BIND_IOMMUFD) static_cast<vfio_device_bind_iommufd*>(arg)->out_devid = 1;
        if (request == IOMMU_IOAS_ALLOC) static_cast<iommu_ioas_alloc*>(arg)->out_ioas_id = 2;
        if (request == VFIO_DEVICE_ATTACH_IOMMUFD_PT) static_cast<vfio_device_attach_iommufd_pt*>(arg)->pt_id = 3;
        return 0;
    }
    CallResult ioctl_value(int fd, unsigned long request, unsigned long value) override {
        log.push_back(name(request) + "(" + std::to_string(value) + ")");
        if (!open_fds.contains(fd)) return std::unexpected(EBADF);
        if (auto it = ioctl_error.find(request); it != ioctl_error.end()) return std::unexpected(it->second);
        if (request == VFIO_GET_API_VERSION) return api_version;
        if (request == VFIO_CHECK_EXTENSION) return extension;
        return 0;
    }
    void close(int fd) override {
        auto it = open_fds.find(fd);
        log.push_back("close " + (it == open_fds.end() ? std::string("?") : it->second));
        if (it != open_fds.end()) open_fds.erase(it);
        ++closes;
    }
    std::expected<NodeStatus, int> stat(const fs::path& path) override {
        if (auto it = nodes.find(path.string()); it != nodes.end()) return it->second;
        return std::unexpected(ENOENT);
    }

private:
    int next_ = 3;
    int give(std::string what) {
        ++opens;
        open_fds[next_] = std::move(what);
        return next_++;
    }
    static std::string name(unsigned long request) {
        static const std::map<unsigned long, std::string> names{
            {VFIO_GET_API_VERSION, "VFIO_GET_API_VERSION"}, {VFIO_CHECK_EXTENSION, "VFIO_CHECK_EXTENSION"},
            {VFIO_GROUP_GET_STATUS, "VFIO_GROUP_GET_STATUS"}, {VFIO_GROUP_SET_CONTAINER, "VFIO_GROUP_SET_CONTAINER"},
            {VFIO_SET_IOMMU, "VFIO_SET_IOMMU"}, {VFIO_GROUP_GET_DEVICE_FD, "VFIO_GROUP_GET_DEVICE_FD"},
            {VFIO_DEVICE_BIND_IOMMUFD, "VFIO_DEVICE_BIND_IOMMUFD"}, {IOMMU_IOAS_ALLOC, "IOMMU_IOAS_ALLOC"},
            {VFIO_DEVICE_ATTACH_IOMMUFD_PT, "VFIO_DEVICE_ATTACH_IOMMUFD_PT"},
            {VFIO_DEVICE_DETACH_IOMMUFD_PT, "VFIO_DEVICE_DETACH_IOMMUFD_PT"}, {IOMMU_DESTROY, "IOMMU_DESTROY"}};
        auto it = names.find(request);
        return it == names.end() ? "ioctl?" : it->second;
    }
};

// The lab's scenario 2a: group 4 = a PCIe-to-PCI bridge without driver and two conventional
// e1000 (82540EM) behind it. A is on vfio-pci; B as given.
Topology lab_group(const char* b_driver, bool noiommu = false) {
    using test::DeviceSpec;
    std::vector<Device> devices{
        test::make_device({.bdf = "0000:01:00.0", .vendor = 0x1b36, .device = 0x000e, .class_id = 0x0604,
                           .type = PortType::PcieToPciBridge, .group = 4}),
        test::make_device({.bdf = "0000:02:01.0", .device = 0x100e, .type = PortType::Conventional, .group = 4,
                           .parent = "0000:01:00.0", .driver = "vfio-pci"}),
        test::make_device({.bdf = "0000:02:02.0", .device = 0x100e, .type = PortType::Conventional, .group = 4,
                           .parent = "0000:01:00.0", .driver = b_driver}),
    };
    devices[1].device_name = devices[2].device_name = "82540EM Gigabit Ethernet Controller";
    IommuGroup group{.id = 4, .noiommu = noiommu};
    return Topology(Source{}, HostFacts{}, std::move(devices), {group}, {});
}

void write_file(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

// sysfs and proc under a scratch directory; /dev stays "/dev" because only the fake kernel
// opens nodes there, and the sentences then read as on a real host.
class AttachProbeTest : public ::testing::Test {
protected:
    fs::path scratch;
    HostRoots roots;
    FakeVfio kernel;

    void SetUp() override {
        std::string dir = (fs::temp_directory_path() / "isola-probe-XXXXXX").string();
        ASSERT_NE(::mkdtemp(dir.data()), nullptr);
        scratch = dir;
        roots = {.sysfs = scratch / "sys", .proc = scratch / "proc", .dev = "/dev", .etc = ""};
        fs::create_directories(roots.proc);
        // Both e1000 have cdevs (a kernel with VFIO_DEVICE_CDEV): vfio0 is 511:0, vfio1 511:1.
        cdev(kA, "vfio0", "511:0");
        cdev(kB, "vfio1", "511:1");
        kernel.nodes["/dev/vfio/devices/vfio0"] = {.char_device = true, .major = 511, .minor = 0};
        kernel.nodes["/dev/vfio/devices/vfio1"] = {.char_device = true, .major = 511, .minor = 1};
    }
    void TearDown() override { fs::remove_all(scratch); }

    void cdev(const Bdf& d, const std::string& name, const std::string& dev) {
        const fs::path dir = roots.sysfs / "bus/pci/devices" / d.str() / "vfio-dev" / name;
        fs::create_directories(dir);
        if (!dev.empty()) write_file(dir / "dev", dev + "\n");
    }
    // Another VFIO user: a process with `node` open.
    void holder(int pid, const std::string& comm, const std::string& node) {
        const fs::path p = roots.proc / std::to_string(pid);
        write_file(p / "comm", comm + "\n");
        fs::create_directories(p / "fd");
        fs::create_symlink(node, p / "fd" / std::to_string(7 + std::distance(fs::directory_iterator(p / "fd"), fs::directory_iterator{})));
    }

    AttachProbe probe(const Topology& t, Backend backend, const Bdf& device = kA) {
        return probe_attach(t, roots, device, backend, kernel);
    }
    void expect_all_closed() {
        EXPECT_TRUE(kernel.open_fds.empty());
        EXPECT_EQ(kernel.opens, kernel.closes);
    }
};

std::vector<ProbeStep> steps_of(const AttachProbe& p) {
    std::vector<ProbeStep> s;
    for (const auto& o : p.steps) s.push_back(o.step);
    return s;
}

const std::vector<ProbeStep> kLegacySteps{ProbeStep::OpenContainer, ProbeStep::GetApiVersion, ProbeStep::CheckExtension,
                                          ProbeStep::OpenGroup,     ProbeStep::GetGroupStatus, ProbeStep::SetContainer,
                                          ProbeStep::SetIommu,      ProbeStep::GetDeviceFd};
const std::vector<ProbeStep> kIommufdSteps{ProbeStep::OpenIommufd, ProbeStep::FindCdev,  ProbeStep::OpenCdev,
                                           ProbeStep::BindIommufd, ProbeStep::AllocIoas, ProbeStep::AttachPt,
                                           ProbeStep::DetachPt,    ProbeStep::DestroyIoas};

const std::string kA_ = "0000:02:01.0 (82540EM Gigabit Ethernet Controller)";
const std::string kB_ = "0000:02:02.0 (82540EM Gigabit Ethernet Controller)";

}  // namespace

TEST_F(AttachProbeTest, LegacyFlowSucceedsAndClosesInReverseOrder) {
    const auto p = probe(lab_group(""), Backend::LegacyContainer);
    ASSERT_TRUE(p.ok()) << describe(p);
    EXPECT_EQ(steps_of(p), kLegacySteps);
    for (const auto& s : p.steps) EXPECT_TRUE(s.ok()) << to_string(s.step);
    EXPECT_TRUE(p.viable);
    EXPECT_EQ(p.group, 4u);
    EXPECT_EQ(kernel.opens, 3);  // container, group, device
    expect_all_closed();
    const std::vector<std::string> expected{
        "open /dev/vfio/vfio", "VFIO_GET_API_VERSION(0)", "VFIO_CHECK_EXTENSION(3)", "open /dev/vfio/4",
        "VFIO_GROUP_GET_STATUS", "VFIO_GROUP_SET_CONTAINER", "VFIO_SET_IOMMU(3)", "VFIO_GROUP_GET_DEVICE_FD",
        "close device 0000:02:01.0", "close /dev/vfio/4", "close /dev/vfio/vfio"};
    EXPECT_EQ(kernel.log, expected);
    EXPECT_EQ(describe(p), kA_ + " in IOMMU group 4 attaches through the legacy VFIO container: the group is viable, "
                                 "took the container with the type1v2 IOMMU and gave out the device; everything was "
                                 "closed again");
}

TEST_F(AttachProbeTest, IommufdFlowSucceedsDetachesDestroysAndCloses) {
    const auto p = probe(lab_group(""), Backend::Iommufd);
    ASSERT_TRUE(p.ok()) << describe(p);
    EXPECT_EQ(steps_of(p), kIommufdSteps);
    EXPECT_EQ(kernel.opens, 2);  // /dev/iommu, the cdev
    expect_all_closed();
    const std::vector<std::string> expected{
        "open /dev/iommu", "open /dev/vfio/devices/vfio0", "VFIO_DEVICE_BIND_IOMMUFD", "IOMMU_IOAS_ALLOC",
        "VFIO_DEVICE_ATTACH_IOMMUFD_PT", "VFIO_DEVICE_DETACH_IOMMUFD_PT", "close /dev/vfio/devices/vfio0",
        "IOMMU_DESTROY", "close /dev/iommu"};
    EXPECT_EQ(kernel.log, expected);
    EXPECT_EQ(describe(p), kA_ + " in IOMMU group 4 attaches through iommufd: its cdev vfio0 bound as device 1, "
                                 "attached to a new I/O address space (IOAS 2, page table 3) and was detached again; "
                                 "everything was closed");
}

// Lab §2: A on vfio-pci, B on e1000 — GET_STATUS flags 0x0, SET_CONTAINER and BIND refused with EPERM.
TEST_F(AttachProbeTest, NotViableIsEpermOnBothPathsAndNamesTheMemberOnItsDriver) {
    kernel.group_flags = 0;
    kernel.ioctl_error[VFIO_GROUP_SET_CONTAINER] = EPERM;
    const auto legacy = probe(lab_group("e1000"), Backend::LegacyContainer);
    ASSERT_FALSE(legacy.ok());
    EXPECT_EQ(legacy.failure->kind, ProbeFailureKind::GroupNotViable);
    EXPECT_EQ(legacy.steps.at(4).value, 0);  // the status flags the kernel gave
    EXPECT_EQ(legacy.failure->blockers, (std::vector<GroupBlocker>{{kB, "82540EM Gigabit Ethernet Controller", "e1000"}}));
    EXPECT_EQ(describe(*legacy.failure),
              "IOMMU group 4 is not viable: " + kB_ + " is still on e1000, and every device of a group must be on "
              "vfio-pci or without a driver; move the whole group (isolactl apply 0000:02:01.0 --vm NAME) (the kernel "
              "refused VFIO_GROUP_SET_CONTAINER with EPERM)");
    expect_all_closed();

    kernel.ioctl_error[VFIO_DEVICE_BIND_IOMMUFD] = EPERM;
    const auto cdev = probe(lab_group("e1000"), Backend::Iommufd);
    ASSERT_FALSE(cdev.ok());
    EXPECT_EQ(describe(*cdev.failure),
              "IOMMU group 4 is not viable: " + kB_ + " is still on e1000, and every device of a group must be on "
              "vfio-pci or without a driver; move the whole group (isolactl apply 0000:02:01.0 --vm NAME) (the kernel "
              "refused VFIO_DEVICE_BIND_IOMMUFD with EPERM)");
    expect_all_closed();
}

// Lab §2, 4b: a group held through the legacy container by another process: open EBUSY, BIND EBUSY.
TEST_F(AttachProbeTest, GroupHeldByAnotherVfioUserIsEbusyAndNamesTheProcess) {
    holder(4242, "qemu-system-x86", "/dev/vfio/4");
    kernel.open_error["/dev/vfio/4"] = EBUSY;
    const auto legacy = probe(lab_group("vfio-pci"), Backend::LegacyContainer);
    ASSERT_FALSE(legacy.ok());
    EXPECT_EQ(legacy.failure->kind, ProbeFailureKind::GroupInUse);
    EXPECT_EQ(legacy.failure->holders, (std::vector<NodeHolder>{{4242, "qemu-system-x86", "/dev/vfio/4"}}));
    EXPECT_EQ(describe(*legacy.failure),
              "IOMMU group 4 is in use by another VFIO user: qemu-system-x86 (pid 4242) has /dev/vfio/4 open; stop that "
              "program or its VM, then probe 0000:02:01.0 again (the kernel refused open(/dev/vfio/4) with EBUSY)");
    expect_all_closed();

    kernel.ioctl_error[VFIO_DEVICE_BIND_IOMMUFD] = EBUSY;
    const auto cdev = probe(lab_group("vfio-pci"), Backend::Iommufd);
    EXPECT_EQ(describe(*cdev.failure),
              "IOMMU group 4 is in use by another VFIO user: qemu-system-x86 (pid 4242) has /dev/vfio/4 open; stop that "
              "program or its VM, then probe 0000:02:01.0 again (the kernel refused VFIO_DEVICE_BIND_IOMMUFD with "
              "EBUSY)");
    expect_all_closed();
}

TEST_F(AttachProbeTest, GroupBusyWithoutAVisibleHolderSaysWhyNoneIsNamed) {
    kernel.open_error["/dev/vfio/4"] = EBUSY;
    const auto p = probe(lab_group("vfio-pci"), Backend::LegacyContainer);
    EXPECT_TRUE(p.failure->holders_searched);
    EXPECT_EQ(describe(*p.failure),
              "IOMMU group 4 is in use by another VFIO user, a VM or a program with the group or a cdev of its devices "
              "open (Isola found none it can see; root sees every process); stop it, then probe 0000:02:01.0 again (the "
              "kernel refused open(/dev/vfio/4) with EBUSY)");
}

// Lab §2, 4b: while another process holds A through its cdev, a second BIND of A is EINVAL and a
// BIND of B with a different iommufd is EPERM.
TEST_F(AttachProbeTest, SecondCdevBindIsEinvalAndOtherIommufdIsEperm) {
    holder(4242, "qemu-system-x86", "/dev/vfio/devices/vfio0");
    kernel.ioctl_error[VFIO_DEVICE_BIND_IOMMUFD] = EINVAL;
    const auto again = probe(lab_group("vfio-pci"), Backend::Iommufd);
    EXPECT_EQ(again.failure->kind, ProbeFailureKind::CdevAlreadyBound);
    EXPECT_EQ(describe(*again.failure),
              kA_ + " cannot be bound to iommufd: qemu-system-x86 (pid 4242) has /dev/vfio/devices/vfio0 open, and a "
                    "device cdev binds to one iommufd at a time; stop that program or its VM, then probe again (the "
                    "kernel refused VFIO_DEVICE_BIND_IOMMUFD with EINVAL)");
    expect_all_closed();

    kernel.ioctl_error[VFIO_DEVICE_BIND_IOMMUFD] = EPERM;
    const auto mate = probe(lab_group("vfio-pci"), Backend::Iommufd, kB);
    EXPECT_EQ(mate.failure->kind, ProbeFailureKind::GroupInUse);
    EXPECT_EQ(describe(*mate.failure),
              "IOMMU group 4 is in use by another VFIO user: qemu-system-x86 (pid 4242) has /dev/vfio/devices/vfio0 "
              "open; stop that program or its VM, then probe 0000:02:02.0 again (the kernel refused "
              "VFIO_DEVICE_BIND_IOMMUFD with EPERM)");
    expect_all_closed();
}

TEST_F(AttachProbeTest, EpermWithNeitherHostDriverNorHolderPointsAtInterruptRemapping) {
    kernel.ioctl_error[VFIO_SET_IOMMU] = EPERM;
    const auto p = probe(lab_group(""), Backend::LegacyContainer);
    EXPECT_EQ(describe(*p.failure),
              kA_ + " in IOMMU group 4 cannot be attached, though no device of the group is on a host driver: the "
                    "IOMMU most likely cannot isolate its interrupts (no interrupt remapping), which VFIO accepts only "
                    "with allow_unsafe_interrupts=1 (the kernel refused VFIO_SET_IOMMU with EPERM)");
    expect_all_closed();
}

// Lab §2: one IOAS per device of a group — the second ATTACH is EINVAL.
TEST_F(AttachProbeTest, GroupMateOnAnotherIoasIsEinval) {
    holder(5151, "cloud-hypervis", "/dev/vfio/devices/vfio1");
    kernel.ioctl_error[VFIO_DEVICE_ATTACH_IOMMUFD_PT] = EINVAL;
    const auto p = probe(lab_group("vfio-pci"), Backend::Iommufd);
    EXPECT_EQ(p.failure->kind, ProbeFailureKind::GroupMateOnOtherIoas);
    EXPECT_EQ(describe(*p.failure),
              kA_ + " cannot join a new I/O address space: another device of IOMMU group 4 is attached to a different "
                    "one (cloud-hypervis (pid 5151) has /dev/vfio/devices/vfio1 open), and the devices of a group must "
                    "share one; attach them through the same program, or stop the other one (the kernel refused "
                    "VFIO_DEVICE_ATTACH_IOMMUFD_PT with EINVAL)");
    // The IOAS was still destroyed, after the device was closed.
    EXPECT_EQ(kernel.log.at(kernel.log.size() - 2), "IOMMU_DESTROY");
    expect_all_closed();
}

// Lab §2: GET_DEVICE_FD of a device not on vfio-pci is ENODEV (here the reading was stale).
TEST_F(AttachProbeTest, GetDeviceFdOfADeviceNotOnVfioIsEnodev) {
    kernel.ioctl_error[VFIO_GROUP_GET_DEVICE_FD] = ENODEV;
    const auto p = probe(lab_group(""), Backend::LegacyContainer);
    EXPECT_EQ(p.failure->kind, ProbeFailureKind::DeviceNotOnVfio);
    EXPECT_EQ(describe(*p.failure),
              "IOMMU group 4 opened, but VFIO does not know " + kA_ + " as one of its devices: it is not on vfio-pci (any "
              "more); apply it first (isolactl apply 0000:02:01.0 --vm NAME) (the kernel refused VFIO_GROUP_GET_DEVICE_FD "
              "with ENODEV)");
    expect_all_closed();
}

TEST_F(AttachProbeTest, DevicesNotOnVfioPciAreRefusedBeforeAnyCall) {
    const auto p = probe(lab_group("e1000"), Backend::LegacyContainer, kB);
    EXPECT_EQ(p.failure->kind, ProbeFailureKind::NotOnVfioPci);
    EXPECT_FALSE(p.failure->step.has_value());
    EXPECT_TRUE(kernel.log.empty());
    EXPECT_EQ(describe(*p.failure), kB_ + " is on e1000, not vfio-pci: apply it first (isolactl apply 0000:02:02.0 --vm NAME)");
    const auto unbound = probe(lab_group(""), Backend::Iommufd, kB);
    EXPECT_EQ(describe(*unbound.failure),
              kB_ + " has no driver, not vfio-pci: apply it first (isolactl apply 0000:02:02.0 --vm NAME)");
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::Iommufd, *Bdf::parse("0000:09:00.0")).failure),
              "there is no PCI function 0000:09:00.0 on this host");
    EXPECT_TRUE(kernel.log.empty());
}

TEST_F(AttachProbeTest, IommufdAskedForWithoutDevIommu) {
    kernel.open_error["/dev/iommu"] = ENOENT;
    const auto p = probe(lab_group(""), Backend::Iommufd);
    EXPECT_EQ(p.failure->kind, ProbeFailureKind::NoIommufd);
    EXPECT_EQ(describe(*p.failure), "cannot probe " + kA_ + " through iommufd: /dev/iommu does not exist, so this kernel "
                                    "has no iommufd (CONFIG_IOMMUFD); probe with --backend legacy");
    expect_all_closed();
}

// peers.md §5: vfio-dev/vfioN exists on kernels without the cdev; only its dev entry proves it.
TEST_F(AttachProbeTest, TheCdevTrapIsNotMistakenForACdev) {
    fs::remove(roots.sysfs / "bus/pci/devices" / kA.str() / "vfio-dev/vfio0/dev");
    const auto trap = probe(lab_group(""), Backend::Iommufd);
    EXPECT_EQ(trap.failure->kind, ProbeFailureKind::CdevNotBuilt);
    EXPECT_EQ(trap.failure->step, ProbeStep::FindCdev);
    EXPECT_EQ(describe(*trap.failure),
              kA_ + " has vfio-dev/vfio0 in sysfs but no dev entry in it: this kernel lists the VFIO device without "
                    "building its cdev (no CONFIG_VFIO_DEVICE_CDEV), so iommufd cannot open it; probe with --backend "
                    "legacy");
    // Nothing but /dev/iommu was opened, and it was closed.
    EXPECT_EQ(kernel.log, (std::vector<std::string>{"open /dev/iommu", "close /dev/iommu"}));
    expect_all_closed();

    fs::remove_all(roots.sysfs / "bus/pci/devices" / kA.str() / "vfio-dev");
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::Iommufd).failure),
              kA_ + " has no VFIO device cdev (no vfio-dev entry in sysfs): this kernel was built without "
                    "CONFIG_VFIO_DEVICE_CDEV, so iommufd cannot open it; probe with --backend legacy");
}

TEST_F(AttachProbeTest, ACdevNodeOfAnotherDeviceIsNotOpened) {
    kernel.nodes["/dev/vfio/devices/vfio0"] = {.char_device = true, .major = 511, .minor = 1};
    const auto p = probe(lab_group(""), Backend::Iommufd);
    EXPECT_EQ(p.failure->kind, ProbeFailureKind::CdevNodeMismatch);
    EXPECT_EQ(describe(*p.failure),
              "/dev/vfio/devices/vfio0 is device 511:1, but sysfs says the cdev vfio0 of " + kA_ + " is device 511:0: "
              "the node is not this device's; check /dev, or probe with --backend legacy");
    kernel.nodes.erase("/dev/vfio/devices/vfio0");
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::Iommufd).failure),
              "the cdev node /dev/vfio/devices/vfio0 of " + kA_ + " is missing (or not a device node), though sysfs says the device has one "
              "(vfio0, device number 511:0); check that /dev is a devtmpfs, or probe with --backend legacy");
    expect_all_closed();
}

TEST_F(AttachProbeTest, NoIommuGroupsUseTheirOwnNodeAndIommuType) {
    const auto p = probe(lab_group("", true), Backend::LegacyContainer);
    ASSERT_TRUE(p.ok()) << describe(p);
    EXPECT_EQ(kernel.log.at(2), "VFIO_CHECK_EXTENSION(8)");
    EXPECT_EQ(kernel.log.at(3), "open /dev/vfio/noiommu-4");
    EXPECT_EQ(describe(p), kA_ + " in no-IOMMU group 4 attaches through the legacy VFIO container in no-IOMMU mode, "
                                 "without any DMA isolation: the group took the container and gave out the device; "
                                 "everything was closed again");
    const auto fd = probe(lab_group("", true), Backend::Iommufd);
    EXPECT_EQ(describe(*fd.failure), kA_ + " is in no-IOMMU group 4, which has no I/O address space for iommufd to "
                                           "attach; probe it with --backend legacy");
    expect_all_closed();
}

TEST_F(AttachProbeTest, OtherErrnosGetTheGenericSentenceWithTheCallAndErrnoNamed) {
    kernel.ioctl_error[VFIO_SET_IOMMU] = EIO;
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::LegacyContainer).failure),
              "cannot probe " + kA_ + " in IOMMU group 4: the kernel refused VFIO_SET_IOMMU with EIO");
    kernel.open_error["/dev/vfio/vfio"] = EACCES;
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::LegacyContainer).failure),
              "cannot open /dev/vfio/vfio to probe " + kA_ + ": permission denied; run isolactl probe as root, or as a "
              "user the VFIO nodes belong to (the kernel refused open(/dev/vfio/vfio) with EACCES)");
    kernel.open_error["/dev/vfio/vfio"] = ENOENT;
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::LegacyContainer).failure),
              "cannot probe " + kA_ + ": /dev/vfio/vfio does not exist, so the kernel's VFIO is not loaded (modprobe "
              "vfio-pci) or has no legacy container (CONFIG_VFIO_CONTAINER); try --backend iommufd");
    kernel.open_error.clear();
    kernel.extension = 0;
    EXPECT_EQ(describe(*probe(lab_group(""), Backend::LegacyContainer).failure),
              "cannot probe " + kA_ + ": the kernel's VFIO container offers no type1v2 IOMMU (VFIO_CHECK_EXTENSION said "
              "no); load it (modprobe vfio_iommu_type1), or probe with --backend iommufd");
    expect_all_closed();
}

// A failure at every step — each open and each ioctl, teardown included — leaves nothing open.
TEST_F(AttachProbeTest, AFailureAtEveryStepStillClosesEverything) {
    const std::map<ProbeStep, unsigned long> requests{
        {ProbeStep::GetApiVersion, VFIO_GET_API_VERSION}, {ProbeStep::CheckExtension, VFIO_CHECK_EXTENSION},
        {ProbeStep::GetGroupStatus, VFIO_GROUP_GET_STATUS}, {ProbeStep::SetContainer, VFIO_GROUP_SET_CONTAINER},
        {ProbeStep::SetIommu, VFIO_SET_IOMMU}, {ProbeStep::GetDeviceFd, VFIO_GROUP_GET_DEVICE_FD},
        {ProbeStep::BindIommufd, VFIO_DEVICE_BIND_IOMMUFD}, {ProbeStep::AllocIoas, IOMMU_IOAS_ALLOC},
        {ProbeStep::AttachPt, VFIO_DEVICE_ATTACH_IOMMUFD_PT}, {ProbeStep::DetachPt, VFIO_DEVICE_DETACH_IOMMUFD_PT},
        {ProbeStep::DestroyIoas, IOMMU_DESTROY}};
    const std::map<ProbeStep, std::string> nodes{{ProbeStep::OpenContainer, "/dev/vfio/vfio"},
                                                 {ProbeStep::OpenGroup, "/dev/vfio/4"},
                                                 {ProbeStep::OpenIommufd, "/dev/iommu"},
                                                 {ProbeStep::OpenCdev, "/dev/vfio/devices/vfio0"}};
    int probes = 0;
    for (Backend backend : {Backend::LegacyContainer, Backend::Iommufd}) {
        for (ProbeStep step : backend == Backend::Iommufd ? kIommufdSteps : kLegacySteps) {
            FakeVfio k;
            k.nodes = kernel.nodes;
            if (auto r = requests.find(step); r != requests.end()) k.ioctl_error[r->second] = EIO;
            else if (auto n = nodes.find(step); n != nodes.end()) k.open_error[n->second] = EIO;
            else if (step == ProbeStep::FindCdev) k.nodes.clear();
            const auto p = probe_attach(lab_group(""), roots, kA, backend, k);
            ++probes;
            ASSERT_FALSE(p.ok()) << to_string(step);
            EXPECT_EQ(p.failure->step, step) << to_string(step);
            EXPECT_TRUE(k.open_fds.empty()) << to_string(step);
            EXPECT_EQ(k.opens, k.closes) << to_string(step);
            // Once an IOAS exists it is destroyed, whatever failed after it.
            const bool ioas = step == ProbeStep::AttachPt || step == ProbeStep::DetachPt || step == ProbeStep::DestroyIoas;
            EXPECT_EQ(std::ranges::count(k.log, std::string("IOMMU_DESTROY")), ioas ? 1 : 0) << to_string(step);
        }
    }
    EXPECT_EQ(probes, 16);
}

TEST_F(AttachProbeTest, JsonCarriesStepsErrnoNamesAndWhatStandsInTheWay) {
    kernel.group_flags = 0;
    kernel.ioctl_error[VFIO_GROUP_SET_CONTAINER] = EPERM;
    const auto json = nlohmann::json::parse(probe_to_json(probe(lab_group("e1000"), Backend::LegacyContainer)));
    EXPECT_EQ(json["ok"], false);
    EXPECT_EQ(json["group"], 4);
    EXPECT_EQ(json["failure"]["kind"], "group-not-viable");
    EXPECT_EQ(json["failure"]["step"], "set-container");
    EXPECT_EQ(json["failure"]["errno"], "EPERM");
    EXPECT_EQ(json["failure"]["blockers"][0]["driver"], "e1000");
    EXPECT_EQ(json["steps"].size(), 6u);
    EXPECT_EQ(json["steps"][5]["call"], "VFIO_GROUP_SET_CONTAINER");
    EXPECT_EQ(json["steps"][3]["path"], "/dev/vfio/4");
}

TEST_F(AttachProbeTest, NotViableInGerman) {
    kernel.group_flags = 0;
    kernel.ioctl_error[VFIO_GROUP_SET_CONTAINER] = EPERM;
    const auto p = probe(lab_group("e1000"), Backend::LegacyContainer);
    test::Speaking de("de_DE.UTF-8");
    ASSERT_TRUE(de.ok()) << "the de_DE.UTF-8 locale is not installed (the build root generates it)";
    EXPECT_EQ(describe(*p.failure),
              "IOMMU-Gruppe 4 ist nicht nutzbar: " + kB_ + " ist noch an e1000 gebunden, und jedes Gerät einer Gruppe "
              "muss an vfio-pci gebunden oder ohne Treiber sein; verschieben Sie die ganze Gruppe (isolactl apply "
              "0000:02:01.0 --vm NAME) (der Kernel lehnte VFIO_GROUP_SET_CONTAINER mit EPERM ab)");
}

TEST(AttachProbeNames, EveryStepAndKindHasItsOwnStableName) {
    std::set<std::string_view> names;
    for (int s = 0; s <= static_cast<int>(ProbeStep::DestroyIoas); ++s)
        EXPECT_TRUE(names.insert(to_string(static_cast<ProbeStep>(s))).second);
    for (int k = 0; k <= static_cast<int>(ProbeFailureKind::CallFailed); ++k)
        EXPECT_TRUE(names.insert(to_string(static_cast<ProbeFailureKind>(k))).second);
    EXPECT_FALSE(names.contains("unknown"));
    EXPECT_EQ(call_name(ProbeStep::AttachPt), "VFIO_DEVICE_ATTACH_IOMMUFD_PT");
}

TEST(ProbeFd, ClosesOnceAndMovesOwnership) {
    FakeVfio k;
    {
        ProbeFd a(k, *k.open("/dev/iommu"));
        ProbeFd b = std::move(a);
        EXPECT_FALSE(a.is_open());
        EXPECT_TRUE(b.is_open());
    }
    EXPECT_EQ(k.closes, 1);
    EXPECT_TRUE(k.open_fds.empty());
}
