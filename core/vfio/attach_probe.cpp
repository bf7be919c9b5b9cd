#include "vfio/attach_probe.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <string>

#include <linux/iommufd.h>
#include <linux/vfio.h>

#include "text/enum_names.hpp"
#include "vfio/probe_fd.hpp"

namespace isola {

namespace {

constexpr std::array kStepNames{
    EnumName<ProbeStep>{ProbeStep::OpenContainer, "open-container"},
    EnumName<ProbeStep>{ProbeStep::GetApiVersion, "get-api-version"},
    EnumName<ProbeStep>{ProbeStep::CheckExtension, "check-extension"},
    EnumName<ProbeStep>{ProbeStep::OpenGroup, "open-group"},
    EnumName<ProbeStep>{ProbeStep::GetGroupStatus, "get-group-status"},
    EnumName<ProbeStep>{ProbeStep::SetContainer, "set-container"},
    EnumName<ProbeStep>{ProbeStep::SetIommu, "set-iommu"},
    EnumName<ProbeStep>{ProbeStep::GetDeviceFd, "get-device-fd"},
    EnumName<ProbeStep>{ProbeStep::OpenIommufd, "open-iommufd"},
    EnumName<ProbeStep>{ProbeStep::FindCdev, "find-cdev"},
    EnumName<ProbeStep>{ProbeStep::OpenCdev, "open-cdev"},
    EnumName<ProbeStep>{ProbeStep::BindIommufd, "bind-iommufd"},
    EnumName<ProbeStep>{ProbeStep::AllocIoas, "alloc-ioas"},
    EnumName<ProbeStep>{ProbeStep::AttachPt, "attach-pt"},
    EnumName<ProbeStep>{ProbeStep::DetachPt, "detach-pt"},
    EnumName<ProbeStep>{ProbeStep::DestroyIoas, "destroy-ioas"},
};

constexpr std::array kCallNames{
    EnumName<ProbeStep>{ProbeStep::OpenContainer, "open"},
    EnumName<ProbeStep>{ProbeStep::GetApiVersion, "VFIO_GET_API_VERSION"},
    EnumName<ProbeStep>{ProbeStep::CheckExtension, "VFIO_CHECK_EXTENSION"},
    EnumName<ProbeStep>{ProbeStep::OpenGroup, "open"},
    EnumName<ProbeStep>{ProbeStep::GetGroupStatus, "VFIO_GROUP_GET_STATUS"},
    EnumName<ProbeStep>{ProbeStep::SetContainer, "VFIO_GROUP_SET_CONTAINER"},
    EnumName<ProbeStep>{ProbeStep::SetIommu, "VFIO_SET_IOMMU"},
    EnumName<ProbeStep>{ProbeStep::GetDeviceFd, "VFIO_GROUP_GET_DEVICE_FD"},
    EnumName<ProbeStep>{ProbeStep::OpenIommufd, "open"},
    EnumName<ProbeStep>{ProbeStep::FindCdev, "stat"},
    EnumName<ProbeStep>{ProbeStep::OpenCdev, "open"},
    EnumName<ProbeStep>{ProbeStep::BindIommufd, "VFIO_DEVICE_BIND_IOMMUFD"},
    EnumName<ProbeStep>{ProbeStep::AllocIoas, "IOMMU_IOAS_ALLOC"},
    EnumName<ProbeStep>{ProbeStep::AttachPt, "VFIO_DEVICE_ATTACH_IOMMUFD_PT"},
    EnumName<ProbeStep>{ProbeStep::DetachPt, "VFIO_DEVICE_DETACH_IOMMUFD_PT"},
    EnumName<ProbeStep>{ProbeStep::DestroyIoas, "IOMMU_DESTROY"},
};

constexpr std::array kFailureNames{
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoSuchDevice, "no-such-device"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoGroup, "no-group"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NotOnVfioPci, "not-on-vfio-pci"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoIommuIommufd, "noiommu-iommufd"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoVfioContainer, "no-vfio-container"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoIommufd, "no-iommufd"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoAccess, "no-access"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::ApiVersionMismatch, "api-version-mismatch"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::NoIommuDriver, "no-iommu-driver"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::GroupNodeMissing, "group-node-missing"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::CdevNotBuilt, "cdev-not-built"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::CdevNodeMismatch, "cdev-node-mismatch"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::GroupNotViable, "group-not-viable"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::GroupInUse, "group-in-use"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::CdevAlreadyBound, "cdev-already-bound"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::GroupMateOnOtherIoas, "group-mate-on-other-ioas"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::DeviceNotOnVfio, "device-not-on-vfio"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::InterruptsNotIsolated, "interrupts-not-isolated"},
    EnumName<ProbeFailureKind>{ProbeFailureKind::CallFailed, "call-failed"},
};

// vfio-pci and its variant drivers (mlx5-vfio-pci, nvgrace-gpu-vfio-pci, ...) all say so in
// their names; the reader decides "VFIO-bound" the same way.
bool on_vfio(const std::string& driver) { return driver.find("vfio") != std::string::npos; }

// The drivers that set driver_managed_dma (kernel.md §2), and no driver at all: a group member
// on any of these keeps the group viable; anything else makes the kernel refuse with EPERM.
bool keeps_group_viable(const std::string& driver) {
    return driver.empty() || on_vfio(driver) || driver == "pci-stub" || driver == "pcieport";
}

std::string name_of_device(const Device& d) { return d.device_name.empty() ? d.display_name() : d.device_name; }

std::string read_first_line(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) return {};
    return line;
}

// The first vfio-dev/vfioN of a device in sysfs, "" when there is none.
std::string cdev_name(const std::filesystem::path& sysfs, const Bdf& device) {
    std::error_code ec;
    std::string first;
    for (const auto& entry : std::filesystem::directory_iterator(sysfs / "bus/pci/devices" / device.str() / "vfio-dev", ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("vfio") && (first.empty() || name < first)) first = std::move(name);
    }
    return first;
}

class Probe {
public:
    Probe(const Topology& topology, const HostRoots& roots, const Bdf& device, Backend backend, VfioCalls& calls)
        : topology_(topology), roots_(roots), calls_(calls) {
        result_.device = device;
        result_.backend = backend;
    }

    AttachProbe run() {
        if (precheck()) {
            // The flows return with every descriptor closed, so what /proc shows afterwards is
            // other processes only.
            if (result_.backend == Backend::Iommufd) iommufd_flow();
            else legacy_flow();
        }
        if (result_.failure) settle(*result_.failure);
        return std::move(result_);
    }

private:
    const Topology& topology_;
    const HostRoots& roots_;
    VfioCalls& calls_;
    AttachProbe result_;
    const Device* device_ = nullptr;
    const IommuGroup* group_ = nullptr;

    void fail(ProbeFailureKind kind, std::optional<ProbeStep> step = std::nullopt, int error = 0) {
        ProbeFailure f{.kind = kind, .step = step, .error = error, .device = result_.device, .group = result_.group,
                       .noiommu = result_.noiommu};
        if (device_) {
            f.device_name = name_of_device(*device_);
            f.driver = device_->driver.value_or("");
        }
        if (step && !result_.steps.empty() && result_.steps.back().step == *step) f.path = result_.steps.back().path;
        result_.failure = std::move(f);
    }

    // Records a call; its result passes through.
    template <class R>
    R record(ProbeStep step, R r, std::string path = {}) {
        StepOutcome o{.step = step, .path = std::move(path)};
        if (r) o.value = static_cast<long>(*r);
        else o.error = r.error();
        result_.steps.push_back(std::move(o));
        return r;
    }
    void set_value(long value) { result_.steps.back().value = value; }

    bool precheck() {
        device_ = topology_.find(result_.device);
        if (device_) result_.group = device_->iommu_group;
        if (device_ && result_.group) group_ = topology_.group(*result_.group);
        result_.noiommu = group_ && group_->noiommu;
        if (device_) result_.device_name = name_of_device(*device_);
        if (!device_) fail(ProbeFailureKind::NoSuchDevice);
        else if (!result_.group) fail(ProbeFailureKind::NoGroup);
        // A driver the source does not know is left to the kernel: it is the one that knows.
        else if (device_->driver && !on_vfio(*device_->driver)) fail(ProbeFailureKind::NotOnVfioPci);
        // No-IOMMU devices bind to iommufd without an IOAS (iommufd -1), which is no attach to probe.
        else if (result_.backend == Backend::Iommufd && result_.noiommu) fail(ProbeFailureKind::NoIommuIommufd);
        return !result_.failure;
    }

    std::filesystem::path group_node() const {
        const std::string id = std::to_string(*result_.group);
        return roots_.dev / "vfio" / (result_.noiommu ? "noiommu-" + id : id);
    }

    // An open that failed: which kind of failure that is.
    void open_failed(ProbeStep step, int error, ProbeFailureKind missing) {
        if (error == ENOENT) return fail(missing, step, error);
        // EACCES: the node's mode; EPERM: a no-IOMMU group without CAP_SYS_RAWIO.
        if (error == EACCES || error == EPERM) return fail(ProbeFailureKind::NoAccess, step, error);
        // A group opens once at a time, and not while a member is bound through its cdev.
        if (error == EBUSY) return fail(ProbeFailureKind::GroupInUse, step, error);
        fail(ProbeFailureKind::CallFailed, step, error);
    }

    void legacy_flow() {
        const std::filesystem::path container_node = roots_.dev / "vfio/vfio";
        auto c = record(ProbeStep::OpenContainer, calls_.open(container_node), container_node.string());
        if (!c) return open_failed(ProbeStep::OpenContainer, c.error(), ProbeFailureKind::NoVfioContainer);
        const ProbeFd container(calls_, *c);

        auto version = record(ProbeStep::GetApiVersion, calls_.ioctl_value(container.get(), VFIO_GET_API_VERSION, 0));
        if (!version) return fail(ProbeFailureKind::CallFailed, ProbeStep::GetApiVersion, version.error());
        if (*version != VFIO_API_VERSION) {
            fail(ProbeFailureKind::ApiVersionMismatch, ProbeStep::GetApiVersion);
            result_.failure->value = *version;
            return;
        }
        const unsigned long iommu_type = result_.noiommu ? VFIO_NOIOMMU_IOMMU : VFIO_TYPE1v2_IOMMU;
        auto supported = record(ProbeStep::CheckExtension, calls_.ioctl_value(container.get(), VFIO_CHECK_EXTENSION, iommu_type));
        if (!supported) return fail(ProbeFailureKind::CallFailed, ProbeStep::CheckExtension, supported.error());
        if (*supported <= 0) return fail(ProbeFailureKind::NoIommuDriver, ProbeStep::CheckExtension);

        const std::filesystem::path node = group_node();
        auto g = record(ProbeStep::OpenGroup, calls_.open(node), node.string());
        if (!g) return open_failed(ProbeStep::OpenGroup, g.error(), ProbeFailureKind::GroupNodeMissing);
        const ProbeFd group(calls_, *g);

        vfio_group_status status{.argsz = sizeof(vfio_group_status), .flags = 0};
        auto st = record(ProbeStep::GetGroupStatus, calls_.ioctl(group.get(), VFIO_GROUP_GET_STATUS, &status));
        if (!st) return fail(ProbeFailureKind::CallFailed, ProbeStep::GetGroupStatus, st.error());
        set_value(status.flags);
        result_.viable = (status.flags & VFIO_GROUP_FLAGS_VIABLE) != 0;
        // Not viable: SET_CONTAINER is still asked, so that the sentence carries the kernel's own
        // refusal (the lab: flags 0x0, then EPERM); it changes nothing when refused.

        int container_fd = container.get();
        auto set = record(ProbeStep::SetContainer, calls_.ioctl(group.get(), VFIO_GROUP_SET_CONTAINER, &container_fd));
        if (!set) {
            if (set.error() == EPERM || !result_.viable) return fail(ProbeFailureKind::GroupNotViable, ProbeStep::SetContainer, set.error());
            if (set.error() == EBUSY) return fail(ProbeFailureKind::GroupInUse, ProbeStep::SetContainer, set.error());
            return fail(ProbeFailureKind::CallFailed, ProbeStep::SetContainer, set.error());
        }
        auto iommu = record(ProbeStep::SetIommu, calls_.ioctl_value(container.get(), VFIO_SET_IOMMU, iommu_type));
        if (!iommu) {
            // type1 refuses a group whose interrupts the IOMMU cannot remap, unless
            // vfio_iommu_type1.allow_unsafe_interrupts=1.
            if (iommu.error() == EPERM) return fail(ProbeFailureKind::InterruptsNotIsolated, ProbeStep::SetIommu, iommu.error());
            return fail(ProbeFailureKind::CallFailed, ProbeStep::SetIommu, iommu.error());
        }
        std::string name = result_.device.str();
        auto d = record(ProbeStep::GetDeviceFd, calls_.ioctl(group.get(), VFIO_GROUP_GET_DEVICE_FD, name.data()));
        if (!d) {
            // The lab: a group member not on vfio-pci is unknown to VFIO (ENODEV). Kernels before
            // the DMA-ownership rework refused a non-viable group here, with EINVAL.
            if (d.error() == ENODEV) return fail(ProbeFailureKind::DeviceNotOnVfio, ProbeStep::GetDeviceFd, d.error());
            if (d.error() == EINVAL && !result_.viable) return fail(ProbeFailureKind::GroupNotViable, ProbeStep::GetDeviceFd, d.error());
            if (d.error() == EBUSY) return fail(ProbeFailureKind::GroupInUse, ProbeStep::GetDeviceFd, d.error());
            return fail(ProbeFailureKind::CallFailed, ProbeStep::GetDeviceFd, d.error());
        }
        const ProbeFd device(calls_, *d);
        // Closing in reverse order (device, group, container) detaches the group and frees the
        // container's IOMMU: the documented teardown.
    }

    // The cdev trap (peers.md §5): vfio-dev/vfioN is there on kernels without the cdev; only its
    // `dev` entry, matching the st_rdev of /dev/vfio/devices/vfioN, proves the node is the device's.
    bool find_cdev(std::filesystem::path& node) {
        const std::string cdev = cdev_name(roots_.sysfs, result_.device);
        result_.cdev = cdev;
        node = roots_.dev / "vfio/devices" / (cdev.empty() ? std::string("vfio?") : cdev);
        // FindCdev is Isola's own look, not a kernel call; its errno says what was not there:
        // ENOENT no cdev (or no node), ENODEV a node that is another device's.
        auto missing = [&](ProbeFailureKind kind, int error, std::string expected = {}, std::string found = {}) {
            result_.steps.push_back({.step = ProbeStep::FindCdev, .error = error, .path = node.string()});
            fail(kind, ProbeStep::FindCdev, error);
            result_.failure->cdev = cdev;
            result_.failure->expected = std::move(expected);
            result_.failure->found = std::move(found);
            return false;
        };
        if (cdev.empty()) return missing(ProbeFailureKind::CdevNotBuilt, ENOENT);
        const std::string expected =
            read_first_line(roots_.sysfs / "bus/pci/devices" / result_.device.str() / "vfio-dev" / cdev / "dev");
        if (expected.empty()) return missing(ProbeFailureKind::CdevNotBuilt, ENOENT);
        auto st = calls_.stat(node);
        if (!st || !st->char_device) return missing(ProbeFailureKind::CdevNodeMismatch, ENOENT, expected);
        std::string found = std::to_string(st->major) + ":" + std::to_string(st->minor);
        if (found != expected) return missing(ProbeFailureKind::CdevNodeMismatch, ENODEV, expected, std::move(found));
        result_.steps.push_back({.step = ProbeStep::FindCdev, .path = node.string()});
        return true;
    }

    void iommufd_flow() {
        const std::filesystem::path iommu_node = roots_.dev / "iommu";
        auto i = record(ProbeStep::OpenIommufd, calls_.open(iommu_node), iommu_node.string());
        if (!i) return open_failed(ProbeStep::OpenIommufd, i.error(), ProbeFailureKind::NoIommufd);
        const ProbeFd iommufd(calls_, *i);

        std::filesystem::path node;
        if (!find_cdev(node)) return;
        auto o = record(ProbeStep::OpenCdev, calls_.open(node), node.string());
        if (!o) return open_failed(ProbeStep::OpenCdev, o.error(), ProbeFailureKind::CdevNodeMismatch);
        ProbeFd device(calls_, *o);

        vfio_device_bind_iommufd bind{};
        bind.argsz = sizeof(bind);
        bind.iommufd = iommufd.get();
        auto b = record(ProbeStep::BindIommufd, calls_.ioctl(device.get(), VFIO_DEVICE_BIND_IOMMUFD, &bind));
        if (!b) {
            // EPERM: the DMA-ownership claim failed — a host driver in the group (GroupNotViable),
            // or another iommufd holding a member; settle() tells them apart.
            if (b.error() == EPERM) return fail(ProbeFailureKind::GroupNotViable, ProbeStep::BindIommufd, b.error());
            if (b.error() == EBUSY) return fail(ProbeFailureKind::GroupInUse, ProbeStep::BindIommufd, b.error());
            if (b.error() == EINVAL) return fail(ProbeFailureKind::CdevAlreadyBound, ProbeStep::BindIommufd, b.error());
            return fail(ProbeFailureKind::CallFailed, ProbeStep::BindIommufd, b.error());
        }
        set_value(bind.out_devid);
        result_.device_id = bind.out_devid;

        iommu_ioas_alloc alloc{};
        alloc.size = sizeof(alloc);
        auto a = record(ProbeStep::AllocIoas, calls_.ioctl(iommufd.get(), IOMMU_IOAS_ALLOC, &alloc));
        if (!a) return fail(ProbeFailureKind::CallFailed, ProbeStep::AllocIoas, a.error());
        set_value(alloc.out_ioas_id);
        result_.ioas_id = alloc.out_ioas_id;

        vfio_device_attach_iommufd_pt attach{};
        attach.argsz = sizeof(attach);
        attach.pt_id = alloc.out_ioas_id;
        auto t = record(ProbeStep::AttachPt, calls_.ioctl(device.get(), VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach));
        if (t) {
            set_value(attach.pt_id);
            result_.pt_id = attach.pt_id;
            vfio_device_detach_iommufd_pt detach{};
            detach.argsz = sizeof(detach);
            auto dt = record(ProbeStep::DetachPt, calls_.ioctl(device.get(), VFIO_DEVICE_DETACH_IOMMUFD_PT, &detach));
            if (!dt) fail(ProbeFailureKind::CallFailed, ProbeStep::DetachPt, dt.error());
        } else {
            // Two devices of one group on different IOAS: the kernel's "one domain per group".
            fail(t.error() == EINVAL ? ProbeFailureKind::GroupMateOnOtherIoas : ProbeFailureKind::CallFailed,
                 ProbeStep::AttachPt, t.error());
        }
        // Closing the device unbinds it from the iommufd (and detaches it, should DETACH have
        // failed), which leaves the IOAS unused and destroyable.
        device.reset();
        iommu_destroy destroy{};
        destroy.size = sizeof(destroy);
        destroy.id = alloc.out_ioas_id;
        auto ds = record(ProbeStep::DestroyIoas, calls_.ioctl(iommufd.get(), IOMMU_DESTROY, &destroy));
        if (!ds && !result_.failure) fail(ProbeFailureKind::CallFailed, ProbeStep::DestroyIoas, ds.error());
    }

    // What stands in the way, once every descriptor is closed: members on host drivers (from the
    // Topology) and processes holding the group's nodes (from /proc).
    void settle(ProbeFailure& f) {
        using K = ProbeFailureKind;
        if (f.kind == K::GroupNotViable || f.kind == K::InterruptsNotIsolated) {
            if (group_)
                for (const Bdf& member : group_->members) {
                    const Device* d = topology_.find(member);
                    if (!d || member == f.device || !d->driver || keeps_group_viable(*d->driver)) continue;
                    f.blockers.push_back({member, name_of_device(*d), *d->driver});
                }
        }
        const bool busy = f.kind == K::GroupInUse || f.kind == K::CdevAlreadyBound || f.kind == K::GroupMateOnOtherIoas;
        // BIND's EPERM without a host driver in the group: another iommufd owns a member.
        const bool bind_eperm = f.kind == K::GroupNotViable && f.step == ProbeStep::BindIommufd && f.blockers.empty();
        if ((busy || bind_eperm) && !roots_.proc.empty()) {
            f.holders = find_node_holders(roots_.proc, holder_nodes());
            f.holders_searched = true;
        }
        if (bind_eperm) f.kind = f.holders.empty() ? K::InterruptsNotIsolated : K::GroupInUse;
    }

    // The group's node and the cdevs of its members, this device's included (the probe's own
    // descriptors are closed by now).
    std::vector<std::string> holder_nodes() const {
        std::vector<std::string> nodes{group_node().string()};
        if (!group_) return nodes;
        for (const Bdf& member : group_->members) {
            const std::string cdev = cdev_name(roots_.sysfs, member);
            if (!cdev.empty()) nodes.push_back((roots_.dev / "vfio/devices" / cdev).string());
        }
        return nodes;
    }
};

}  // namespace

std::string_view to_string(ProbeStep s) { return name_of(kStepNames, s); }
std::string_view call_name(ProbeStep s) { return name_of(kCallNames, s); }
std::string_view to_string(ProbeFailureKind k) { return name_of(kFailureNames, k); }

AttachProbe probe_attach(const Topology& topology, const HostRoots& roots, const Bdf& device, Backend backend,
                         VfioCalls& calls) {
    return Probe(topology, roots, device, backend, calls).run();
}

std::vector<NodeHolder> find_node_holders(const std::filesystem::path& proc, const std::vector<std::string>& nodes) {
    std::vector<NodeHolder> holders;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(proc, ec)) {
        const std::string pid_text = entry.path().filename().string();
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
        // Processes come and go, and other users' fd directories are closed to non-root readers:
        // whatever cannot be read is skipped.
        std::error_code fd_ec;
        for (const auto& fd : std::filesystem::directory_iterator(entry.path() / "fd", fd_ec)) {
            std::error_code link_ec;
            const std::string target = std::filesystem::read_symlink(fd.path(), link_ec).string();
            if (link_ec) continue;
            if (std::ranges::find(nodes, target) == nodes.end()) continue;
            const int pid = std::stoi(pid_text);
            // A process may hold a node more than once (QEMU's group and its dup for KVM).
            if (std::ranges::any_of(holders, [&](const NodeHolder& h) { return h.pid == pid && h.node == target; }))
                continue;
            holders.push_back({pid, read_first_line(entry.path() / "comm"), target});
        }
    }
    std::ranges::sort(holders, {}, [](const NodeHolder& h) { return std::pair{h.pid, h.node}; });
    return holders;
}

}  // namespace isola
