#include "apply/describe_persist.hpp"

#include <chrono>
#include <format>

#include "apply/describe_apply.hpp"
#include "text/message.hpp"
#include "text/prose.hpp"

namespace isola {

namespace {

std::string when(std::int64_t seconds) {
    return std::format("{:%Y-%m-%d %H:%M} UTC", std::chrono::sys_seconds{std::chrono::seconds{seconds}});
}

std::string addresses(const std::vector<PersistedDevice>& devices) {
    std::vector<std::string> items;
    for (const auto& d : devices) items.push_back(d.device.str());
    return join_prose(items);
}

std::string how(PersistMode mode) {
    // TRANSLATORS: how a boot-time binding is made; driverctl is a program, the path a file.
    return mode == PersistMode::Driverctl ? say("through driverctl's overrides (/etc/driverctl.d)")
                                          : say("by Isola's udev rule (/etc/udev/rules.d/60-isola-vfio.rules)");
}

std::string file_line(const FileChange& f) {
    if (!f.after) return say("removed {}", f.path.string());
    return f.before ? say("rewrote {}", f.path.string()) : say("wrote {}", f.path.string());
}

}  // namespace

std::vector<std::string> describe_persist_report(const PersistReport& r) {
    std::vector<std::string> out;
    if (r.failure) {
        // TRANSLATORS: {} why a persist or unpersist stopped (a sentence of the apply engine).
        out.push_back(describe(*r.failure) + ".");
        if (r.made > 0 || !r.not_put_back.empty()) {
            if (r.not_put_back.empty()) out.push_back(say("Isola put every file back as it was."));
            for (const auto& f : r.not_put_back) out.push_back(say("{} could not be put back: {}", f.file, describe(f)));
            if (!r.not_put_back.empty())
                out.push_back(say("Isola keeps its journal and tries again each time it starts; isolactl status shows what is left."));
        }
        return out;
    }
    if (r.changed.empty()) {
        out.push_back(r.unpersist ? say("Isola binds no device at boot; there is nothing to unpersist.")
                                  : say("nothing to persist: the plan moves no device to vfio-pci"));
        return out;
    }
    if (r.unpersist) {
        out.push_back(say_n("{0} device boots on its host driver again: {1}.", "{0} devices boot on their host drivers again: {1}.",
                            r.changed.size(), r.changed.size(), addresses(r.changed)));
    } else {
        out.push_back(say_n("{0} device is bound to vfio-pci at boot for \"{1}\", {2}: {3}.",
                            "{0} devices are bound to vfio-pci at boot for \"{1}\", {2}: {3}.", r.changed.size(),
                            r.changed.size(), r.vm, how(r.changed.front().mode), addresses(r.changed)));
    }
    for (const auto& f : r.planned) out.push_back(file_line(f) + ".");
    if (!r.rebuild_for.empty())
        // TRANSLATORS: {} driver names; update-initramfs and dracut are commands.
        out.push_back(say("{} loads from the initramfs: rebuild it (update-initramfs -u, or dracut -f) so the change "
                          "takes effect there; Isola does not run it.",
                          join_prose(r.rebuild_for)));
    if (!r.unpersist) out.push_back(say("The devices move at the next boot; isolactl apply moves them now."));
    return out;
}

std::vector<std::string> describe_persist_recovery(const PersistRecovery& r) {
    std::vector<std::string> out;
    if (r.failure) {
        out.push_back(describe(*r.failure));
        return out;
    }
    if (r.finished) {
        out.push_back(say("A persist change had finished but not removed its journal; Isola removed it."));
        return out;
    }
    out.push_back(say_n("A persist change was interrupted; Isola put {} file back as it was.",
                        "A persist change was interrupted; Isola put {} files back as they were.", r.files, r.files));
    for (const auto& f : r.not_put_back) out.push_back(say("{} could not be put back: {}", f.file, describe(f)));
    return out;
}

std::vector<std::string> describe_persisted(const std::vector<PersistedDevice>& persisted) {
    std::vector<std::string> out;
    if (persisted.empty()) {
        out.push_back(say("Isola binds no device to vfio-pci at boot."));
        return out;
    }
    out.push_back(say_n("Isola binds {} device to vfio-pci at boot:", "Isola binds {} devices to vfio-pci at boot:",
                        persisted.size(), persisted.size()));
    for (const auto& p : persisted) {
        std::string was = p.host_driver.empty() ? say("it had no driver") : say("it was on {}", p.host_driver);
        // TRANSLATORS: {0} a PCI address, {1} a VM, {2} a date, {3} how ("through driverctl's overrides ..."),
        // {4} "it was on e1000".
        out.push_back(say("{0} for \"{1}\" since {2}, {3}; {4}", p.device.str(), p.vm, when(p.since), how(p.mode), was));
    }
    return out;
}

std::string describe_file_change(const FileChange& f) {
    // Shell comments and the exact content, so the person sees every byte that would be written.
    if (!f.after) return "# " + say("remove {}", f.path.string()) + "\n";
    std::string out = "# " + (f.before ? say("replace {} with:", f.path.string()) : say("write {}:", f.path.string())) + "\n";
    out += *f.after;
    return out;
}

}  // namespace isola
