#include "topology/kernel_parameters.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "text/enum_names.hpp"

namespace isola {
namespace {

constexpr std::array kIommuSwitchNames{
    EnumName<IommuSwitch>{IommuSwitch::NotGiven, "not-given"},
    EnumName<IommuSwitch>{IommuSwitch::On, "on"},
    EnumName<IommuSwitch>{IommuSwitch::Off, "off"},
};
constexpr std::array kDmaDefaultNames{
    EnumName<DmaDefault>{DmaDefault::NotGiven, "not-given"},
    EnumName<DmaDefault>{DmaDefault::Passthrough, "passthrough"},
    EnumName<DmaDefault>{DmaDefault::Translated, "translated"},
};

// Parameters that change grouping, isolation or which driver claims a device at boot: shown to
// people as given (`relevant`), whether or not a field below decodes them.
constexpr std::array<std::string_view, 17> kRelevantPrefixes{
    "intel_iommu=", "amd_iommu=", "amd_iommu_", "iommu=",  "iommu.",          "pcie_acs_override=",
    "pci=",         "vfio",       "iommufd.",   "pci-stub.", "pci_stub.",      "intremap=",
    "rd.driver.pre=", "modprobe.blacklist=", "video=efifb", "efifb:", "initcall_blacklist=",
};

bool is_relevant(std::string_view word) {
    return std::ranges::any_of(kRelevantPrefixes, [&](std::string_view p) { return word.starts_with(p); });
}

std::string_view unquote(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
    return v;
}

template <class F>
void for_each_item(std::string_view list, F&& f) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        f(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
}

std::optional<unsigned> hex(std::string_view s) {
    unsigned v = 0;
    if (s.empty() || s.size() > 8) return std::nullopt;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

// vendor:device[:subvendor[:subdevice[:class[:class_mask]]]], as vfio-pci and pci-stub read it.
std::optional<IdMatch> id_match(std::string_view entry) {
    IdMatch m{.text = std::string(entry)};
    std::array<unsigned, 4> fields{0, 0, 0xffffffff, 0xffffffff};
    std::size_t n = 0;
    for (std::string_view rest = entry; !rest.empty() && n < fields.size(); ++n) {
        const auto colon = rest.find(':');
        auto v = hex(rest.substr(0, colon));
        if (!v) return std::nullopt;
        fields[n] = *v;
        rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    }
    if (n < 2 || fields[0] > 0xffff || fields[1] > 0xffff) return std::nullopt;
    m.vendor = static_cast<std::uint16_t>(fields[0]);
    m.device = static_cast<std::uint16_t>(fields[1]);
    if (fields[2] <= 0xffff) m.subsystem_vendor = static_cast<std::uint16_t>(fields[2]);
    if (fields[3] <= 0xffff) m.subsystem_device = static_cast<std::uint16_t>(fields[3]);
    return m;
}

bool is_true(std::string_view v) { return v == "1" || v == "y" || v == "Y" || v == "on"; }
bool is_false(std::string_view v) { return v == "0" || v == "n" || v == "N" || v == "off"; }

// Reads words into typed values and remembers which fields a word decided, so a partial source
// (mentions) can mark the others unknown.
struct ParameterReader {
    IommuSwitch iommu = IommuSwitch::NotGiven;
    DmaDefault dma = DmaDefault::NotGiven;
    std::optional<AcsOverride> acs;
    std::vector<IdBinding> bindings;
    std::vector<std::string> relevant;
    bool said_iommu = false, said_dma = false, said_acs = false, said_ids = false;

    void word(std::string_view w) {
        // Every word decoded below is relevant; one given twice (a source that repeats its command
        // line, a mention beside it) counts once.
        if (!is_relevant(w) || std::ranges::find(relevant, w) != relevant.end()) return;
        relevant.emplace_back(w);
        const auto eq = w.find('=');
        if (eq == std::string_view::npos) return;
        const std::string_view key = w.substr(0, eq);
        const std::string_view value = unquote(w.substr(eq + 1));
        if (key == "intel_iommu" || key == "amd_iommu") {
            for_each_item(value, [&](std::string_view o) {
                if (o == "on" || o == "force_enable") set_iommu(IommuSwitch::On);
                else if (o == "off") set_iommu(IommuSwitch::Off);
            });
        } else if (key == "iommu") {
            for_each_item(value, [&](std::string_view o) {
                if (o == "off") set_iommu(IommuSwitch::Off);
                else if (o == "force" || o == "on") set_iommu(IommuSwitch::On);
                else if (o == "pt") set_dma(DmaDefault::Passthrough);
                else if (o == "nopt") set_dma(DmaDefault::Translated);
            });
        } else if (key == "iommu.passthrough") {
            if (is_true(value)) set_dma(DmaDefault::Passthrough);
            else if (is_false(value)) set_dma(DmaDefault::Translated);
        } else if (key == "pcie_acs_override") {
            acs_override(w, value);
        } else if (key == "vfio-pci.ids" || key == "vfio_pci.ids") {
            id_binding(key, "vfio-pci", value);
        } else if (key == "pci-stub.ids" || key == "pci_stub.ids") {
            id_binding(key, "pci-stub", value);
        }
    }

    void set_iommu(IommuSwitch s) { iommu = s, said_iommu = true; }
    void set_dma(DmaDefault d) { dma = d, said_dma = true; }

    void acs_override(std::string_view word, std::string_view value) {
        said_acs = true;
        AcsOverride& o = acs ? *acs : acs.emplace();
        o.parameter = o.parameter.empty() ? std::string(word) : o.parameter + " " + std::string(word);
        for_each_item(value, [&](std::string_view item) {
            if (item == "downstream") o.downstream = true;
            else if (item == "multifunction") o.multifunction = true;
            else if (item.starts_with("id:") && item.size() == 12 && item[7] == ':') {
                auto v = hex(item.substr(3, 4));
                auto d = hex(item.substr(8, 4));
                if (v && d) o.ids.emplace_back(static_cast<std::uint16_t>(*v), static_cast<std::uint16_t>(*d));
            }
        });
    }

    void id_binding(std::string_view key, std::string_view driver, std::string_view value) {
        said_ids = true;
        IdBinding b{.module = std::string(key.substr(0, key.find('.'))), .driver = std::string(driver)};
        for_each_item(value, [&](std::string_view entry) {
            if (entry.empty()) return;
            if (auto m = id_match(entry)) b.ids.push_back(std::move(*m));
            else b.unreadable.emplace_back(entry);
        });
        bindings.push_back(std::move(b));
    }
};

}  // namespace

std::string_view to_string(IommuSwitch s) { return name_of(kIommuSwitchNames, s); }
std::string_view to_string(DmaDefault d) { return name_of(kDmaDefaultNames, d); }

Fact<bool> KernelParameters::has_acs_override() const {
    if (!acs_override) return Fact<bool>::unknown(acs_override.why_unknown);
    return Fact<bool>::known(acs_override->has_value());
}

std::vector<std::string_view> kernel_cmdline_words(std::string_view cmdline) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < cmdline.size()) {
        while (i < cmdline.size() && (cmdline[i] == ' ' || cmdline[i] == '\t' || cmdline[i] == '\n')) ++i;
        if (i >= cmdline.size()) break;
        const std::size_t start = i;
        bool quoted = false;
        for (; i < cmdline.size(); ++i) {
            const char c = cmdline[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) break;
        }
        words.push_back(cmdline.substr(start, i - start));
    }
    return words;
}

KernelParameters parse_kernel_parameters(std::string_view cmdline) {
    ParameterReader r;
    for (auto w : kernel_cmdline_words(cmdline)) r.word(w);
    return KernelParameters{
        .iommu = Fact<IommuSwitch>::known(r.iommu),
        .dma_default = Fact<DmaDefault>::known(r.dma),
        .acs_override = Fact<std::optional<AcsOverride>>::known(std::move(r.acs)),
        .id_bindings = Fact<std::vector<IdBinding>>::known(std::move(r.bindings)),
        .relevant = std::move(r.relevant),
    };
}

KernelParameters unknown_kernel_parameters(std::string why) {
    return KernelParameters{
        .iommu = Fact<IommuSwitch>::unknown(why),
        .dma_default = Fact<DmaDefault>::unknown(why),
        .acs_override = Fact<std::optional<AcsOverride>>::unknown(why),
        .id_bindings = Fact<std::vector<IdBinding>>::unknown(why),
        .relevant = {},
    };
}

KernelParameters kernel_parameters_from_mentions(const std::vector<std::string>& tokens, std::string why) {
    ParameterReader r;
    for (const auto& t : tokens) r.word(t);
    KernelParameters p = unknown_kernel_parameters(std::move(why));
    if (r.said_iommu) p.iommu = Fact<IommuSwitch>::known(r.iommu);
    if (r.said_dma) p.dma_default = Fact<DmaDefault>::known(r.dma);
    if (r.said_acs) p.acs_override = Fact<std::optional<AcsOverride>>::known(std::move(r.acs));
    if (r.said_ids) p.id_bindings = Fact<std::vector<IdBinding>>::known(std::move(r.bindings));
    p.relevant = std::move(r.relevant);
    return p;
}

}  // namespace isola
