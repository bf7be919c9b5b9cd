#include "simulated_kernel.hpp"

#include <cerrno>
#include <fstream>

#include "reader/sysfs_file.hpp"

namespace isola::test {

namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::trunc) << text; }

std::string trim(std::string_view v) {
    while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
    return std::string(v);
}

bool host_driver(const std::string& d) { return d != "vfio-pci" && d != "pci-stub" && d != "pcieport"; }

}  // namespace

SimulatedKernel::SimulatedKernel(fs::path sysfs) : sysfs_(std::move(sysfs)) {
    for (const auto& name : sysfs::list_dir(sysfs_ / "bus/pci/devices"))
        if (auto b = Bdf::parse(name)) preferred_[*b] = driver_of(*b);
}

void SimulatedKernel::inject(int index, Fault fault, int error) { faults_[count_ + index] = {fault, error}; }

void SimulatedKernel::load_driver(const std::string& driver) {
    const fs::path dir = sysfs_ / "bus/pci/drivers" / driver;
    fs::create_directories(dir);
    for (const char* knob : {"bind", "unbind", "new_id", "remove_id"}) write_text(dir / knob, "");
}

fs::path SimulatedKernel::device_dir(const Bdf& device) const {
    return fs::canonical(sysfs_ / "bus/pci/devices" / device.str());
}

std::string SimulatedKernel::driver_of(const Bdf& device) const {
    return sysfs::link_basename(sysfs_ / "bus/pci/devices" / device.str() / "driver").value_or("");
}

std::string SimulatedKernel::override_of(const Bdf& device) const {
    const std::string o = sysfs::read_line(sysfs_ / "bus/pci/devices" / device.str() / "driver_override").value_or("(null)");
    return o == "(null)" ? "" : o;
}

bool SimulatedKernel::group_held(const Bdf& device) const {
    const auto group = sysfs::link_basename(sysfs_ / "bus/pci/devices" / device.str() / "iommu_group");
    for (const Bdf& h : held_)
        if (sysfs::link_basename(sysfs_ / "bus/pci/devices" / h.str() / "iommu_group") == group) return true;
    return false;
}

void SimulatedKernel::bind(const Bdf& device, const std::string& driver) {
    const fs::path dir = device_dir(device);
    fs::create_symlink(sysfs_ / "bus/pci/drivers" / driver, dir / "driver");
    fs::create_directory_symlink(dir, sysfs_ / "bus/pci/drivers" / driver / device.str());
}

void SimulatedKernel::unbind(const Bdf& device) {
    const std::string driver = driver_of(device);
    fs::remove(device_dir(device) / "driver");
    fs::remove(sysfs_ / "bus/pci/drivers" / driver / device.str());
}

WriteResult SimulatedKernel::write(const fs::path& file, std::string_view value, std::chrono::milliseconds) {
    const int index = count_++;
    if (auto it = faults_.find(index); it != faults_.end()) {
        switch (it->second.fault) {
            case Fault::Fail: return {.error = it->second.error};
            case Fault::TimeOut: return {.timed_out = true};
            case Fault::CrashBefore: throw SimulatedCrash{index};
            case Fault::CrashAfter:
                perform(file, value);
                throw SimulatedCrash{index};
        }
    }
    return perform(file, value);
}

WriteResult SimulatedKernel::probe(const Bdf& device, const std::string& driver, bool explicit_bind) {
    const fs::path dir = sysfs_ / "bus/pci/drivers" / driver;
    if (driver.empty() || !fs::is_directory(dir)) return explicit_bind ? WriteResult{.error = ENODEV} : WriteResult{};
    // DMA ownership: a host driver's probe fails while a group-mate is held through VFIO; the lab
    // saw EBUSY from bind and EINVAL from drivers_probe.
    if (host_driver(driver) && group_held(device)) return {.error = explicit_bind ? EBUSY : EINVAL};
    if (driver == "vfio-pci") {
        const std::string cls = sysfs::read_line(device_dir(device) / "class").value_or("");
        const bool bridge = cls.starts_with("0x0604");
        const bool vfs = sysfs::read_number(device_dir(device) / "sriov_numvfs", 10).value_or(0) > 0;
        // vfio-pci refuses bridges (-EINVAL) and PFs with VFs (-EBUSY); drivers_probe still says success.
        if (bridge || vfs) return explicit_bind ? WriteResult{.error = bridge ? EINVAL : EBUSY} : WriteResult{};
    }
    if (failing_probes_.contains({device, driver})) return explicit_bind ? WriteResult{.error = ENXIO} : WriteResult{};
    bind(device, driver);
    return {};
}

WriteResult SimulatedKernel::perform(const fs::path& file, std::string_view value) {
    const fs::path rel = file.lexically_relative(sysfs_);
    if (rel.empty() || rel.native().starts_with("..")) return {.error = EACCES};
    const fs::path pci = "bus/pci";
    if (rel == pci / "drivers_probe") {
        auto device = Bdf::parse(trim(value));
        if (!device || !preferred_.contains(*device)) return {.error = ENODEV};
        if (!driver_of(*device).empty()) return {};
        const std::string o = override_of(*device);
        return probe(*device, o.empty() ? preferred_[*device] : o, false);
    }
    const auto parts = std::vector<fs::path>(rel.begin(), rel.end());
    if (parts.size() == 4 && parts[0] == "bus" && parts[1] == "pci" && parts[2] == "drivers") {
        // Only drivers/<drv>/{bind,unbind}.
        return {.error = EACCES};
    }
    if (parts.size() == 5 && parts[0] == "bus" && parts[1] == "pci" && parts[2] == "drivers") {
        const std::string driver = parts[3].string();
        if (!fs::is_directory(sysfs_ / "bus/pci/drivers" / driver)) return {.error = ENOENT};
        auto device = Bdf::parse(trim(value));
        if (!device || !preferred_.contains(*device)) return {.error = ENODEV};
        if (parts[4] == "unbind") {
            if (driver_of(*device) != driver) return {.error = ENODEV};
            unbind(*device);
            return {};
        }
        if (parts[4] == "bind") {
            if (!driver_of(*device).empty()) return {.error = EBUSY};
            if (const std::string o = override_of(*device); !o.empty() && o != driver) return {.error = ENODEV};
            return probe(*device, driver, true);
        }
        return {.error = EACCES};
    }
    if (parts.size() == 5 && parts[0] == "bus" && parts[1] == "pci" && parts[2] == "devices") {
        auto device = Bdf::parse(parts[3].string());
        if (!device || !preferred_.contains(*device)) return {.error = ENOENT};
        const fs::path dir = device_dir(*device);
        if (parts[4] == "driver_override") {
            const std::string v = trim(value);
            write_text(dir / "driver_override", (v.empty() ? "(null)" : v) + "\n");
            return {};
        }
        if (parts[4] == "sriov_numvfs") {
            if (!fs::exists(dir / "sriov_numvfs")) return {.error = ENOENT};
            const int want = std::stoi(trim(value));
            const int now = static_cast<int>(sysfs::read_number(dir / "sriov_numvfs", 10).value_or(0));
            const int total = static_cast<int>(sysfs::read_number(dir / "sriov_totalvfs", 10).value_or(0));
            if (want == now) return {};
            if (want > 0 && now > 0) return {.error = EBUSY};  // the count changes only through 0
            if (want > total) return {.error = ERANGE};
            if (want > 0 && driver_of(*device).empty()) return {.error = ENOENT};  // no PF driver to enable them
            write_text(dir / "sriov_numvfs", std::to_string(want) + "\n");
            return {};
        }
    }
    return {.error = EACCES};
}

}  // namespace isola::test
