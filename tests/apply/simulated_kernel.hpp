// A kernel's PCI driver core, simulated on a fixture tree (tests/fixture-lab): writes to
// driver_override, drivers/<drv>/bind|unbind, drivers_probe and sriov_numvfs change the tree the
// way Linux 6.12 changes /sys — including the ways the lab saw it surprise (drivers_probe reports
// success when vfio-pci's probe of a bridge or a PF with VFs fails; a host driver cannot bind while
// a group-mate is held through VFIO). Faults can be injected at any write: a failure, a timeout,
// or a crash (an exception that unwinds out of the engine like a kill stops a process).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "apply/sysfs_writer.hpp"
#include "topology/bdf.hpp"

namespace isola::test {

struct SimulatedCrash {
    int write;  // the index of the write at which the process "died"
};

enum class Fault {
    Fail,          // the write fails with `error`, and changes nothing
    TimeOut,       // the write does not return within its deadline (and changes nothing)
    CrashBefore,   // the process dies just before the write reaches the kernel
    CrashAfter,    // the write is made, then the process dies
};

class SimulatedKernel final : public SysfsWriter {
public:
    // `sysfs`: a fixture tree's sys/. Each device's preferred driver (what drivers_probe binds when
    // no override is set) is the driver the fixture bound it to.
    explicit SimulatedKernel(std::filesystem::path sysfs);

    WriteResult write(const std::filesystem::path& file, std::string_view value,
                      std::chrono::milliseconds deadline) override;

    // Inject `fault` at write number `index` (0-based, counting every write from now on).
    void inject(int index, Fault fault, int error = 5 /* EIO */);
    // A process holds the group of `device` open through VFIO: host drivers cannot bind into it.
    void hold_through_vfio(const Bdf& device) { held_.insert(device); }
    // drivers/<driver>/ exists, as after modprobe.
    void load_driver(const std::string& driver);
    // `driver`'s probe of `device` fails; drivers_probe still reports success, as the kernel does.
    void fail_probe(const Bdf& device, const std::string& driver) { failing_probes_.insert({device, driver}); }

    [[nodiscard]] int writes() const { return count_; }

private:
    WriteResult perform(const std::filesystem::path& file, std::string_view value);
    WriteResult probe(const Bdf& device, const std::string& driver_dir_name, bool explicit_bind);
    void bind(const Bdf& device, const std::string& driver);
    void unbind(const Bdf& device);
    [[nodiscard]] std::filesystem::path device_dir(const Bdf& device) const;
    [[nodiscard]] std::string driver_of(const Bdf& device) const;
    [[nodiscard]] std::string override_of(const Bdf& device) const;
    [[nodiscard]] bool group_held(const Bdf& device) const;

    std::filesystem::path sysfs_;
    std::map<Bdf, std::string> preferred_;
    std::set<Bdf> held_;
    std::set<std::pair<Bdf, std::string>> failing_probes_;
    struct Injected {
        Fault fault;
        int error;
    };
    std::map<int, Injected> faults_;
    int count_ = 0;
};

}  // namespace isola::test
