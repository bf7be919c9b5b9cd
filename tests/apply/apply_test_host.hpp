// A small host for the apply engine's tests, written by the fixture lab into a temporary tree and
// run by a SimulatedKernel: the lab's scenario 2a (a PCIe-to-PCI bridge with two e1000 in one
// group) and an igb PF with two VFs.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "apply/apply_engine.hpp"
#include "fixture_lab.hpp"
#include "reader/read_host.hpp"
#include "simulated_kernel.hpp"

namespace isola::test {

inline constexpr std::int64_t kNow = 1'764'700'000;  // 2025-12-02 18:26:40 UTC

// The host (apply-lab.json, also the fixture of helper.e2e): the lab's scenario 2a — a
// PCIe-to-PCI bridge with two e1000 in group 4 — and an igb PF with two VFs in group 5.
inline std::string apply_host_spec() {
    std::ifstream in(ISOLA_APPLY_HOST_SPEC);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline Bdf bdf(const char* text) { return *Bdf::parse(text); }

class ApplyHost : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = std::string(info->test_suite_name()) + "-" + info->name();
        std::ranges::replace(name, '/', '-');
        root_ = std::filesystem::temp_directory_path() / ("isola-apply-" + std::to_string(::getpid()) + "-" + name);
        std::filesystem::remove_all(root_);
        auto spec = lab::parse_machine_spec(apply_host_spec());
        ASSERT_TRUE(spec) << spec.error();
        lab::write_fixture(*spec, root_);
        kernel_ = std::make_unique<SimulatedKernel>(sysfs());
        kernel_->load_driver("vfio-pci");  // modprobe vfio-pci
        initial_ = states();
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    [[nodiscard]] std::filesystem::path sysfs() const { return root_ / "sys"; }
    [[nodiscard]] StateStore store() const { return StateStore(root_ / "var/lib/isola"); }
    [[nodiscard]] ApplyContext context() const { return context(*kernel_); }
    [[nodiscard]] ApplyContext context(SysfsWriter& w) const {
        return ApplyContext{.sysfs = sysfs(), .store = store(), .writer = w, .now = [] { return kNow; }, .options = {}};
    }
    [[nodiscard]] Topology host() const {
        HostRoots roots = HostRoots::under(root_);
        roots.etc.clear();
        auto t = read_host(roots);
        EXPECT_TRUE(t);
        return t ? *t : Topology{};
    }
    [[nodiscard]] AttachPlan plan_for(std::vector<Bdf> devices) const {
        return plan_attach(host(), {.devices = std::move(devices), .vm = "win11"});
    }
    // Every device's driver, override and VF count.
    [[nodiscard]] std::map<Bdf, DeviceState> states() const {
        std::map<Bdf, DeviceState> out;
        for (const auto& e : std::filesystem::directory_iterator(sysfs() / "bus/pci/devices"))
            if (auto b = Bdf::parse(e.path().filename().string()))
                if (auto s = read_device_state(sysfs(), *b)) out[*b] = *s;
        return out;
    }
    [[nodiscard]] bool journal_exists() const { return std::filesystem::exists(store().journal_path()); }
    [[nodiscard]] std::vector<MovedDevice> record() const { return store().load_record().value_or(std::vector<MovedDevice>{}); }

    std::filesystem::path root_;
    std::unique_ptr<SimulatedKernel> kernel_;
    std::map<Bdf, DeviceState> initial_;
};

}  // namespace isola::test
