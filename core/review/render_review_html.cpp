// A review as one self-contained HTML page: inline CSS only (no scripts, fonts or images), light
// and dark through prefers-color-scheme, every text escaped. Safe to mail or attach to a ticket.
#include <array>
#include <format>

#include "review/review.hpp"
#include "text/html_escape.hpp"
#include "text/message.hpp"

namespace isola {
namespace {

std::string escape(std::string_view s) { return html_escape(s); }

constexpr std::string_view kStyle = R"(
:root { color-scheme: light dark; --bg: #fcfcfc; --fg: #232629; --muted: #616569; --line: #d1d5d9;
  --head: #eff0f1; --blocker: #da4453; --confirm: #c67a00; --note: #2980b9; --ok: #27ae60; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1b1e20; --fg: #eff0f1; --muted: #a1a9b1; --line: #3c4146; --head: #2a2e32;
    --blocker: #ed5565; --confirm: #f6b73c; --note: #5dade2; --ok: #2ecc71; } }
body { background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, sans-serif; margin: 2em auto;
  max-width: 70em; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid var(--line); padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: var(--head); }
code, .addr { font-family: ui-monospace, monospace; font-size: 0.92em; }
.badge { display: inline-block; border-radius: 0.8em; padding: 0 0.6em; color: #fff; font-weight: 600; }
.blocker { background: var(--blocker); } .needs-confirmation { background: var(--confirm); color: #000; }
.note { background: var(--note); } .clean { background: var(--ok); }
tr.group-start td { border-top: 2px solid var(--line); }
)";

std::string finding_table(const Review& r, Severity s) {
    std::string rows;
    for (const auto& f : r.findings) {
        if (f.severity != s) continue;
        std::string devices;
        for (const auto& d : f.devices) devices += (devices.empty() ? "" : "<br>") + escape(d.str());
        std::string vms;
        for (const auto& v : f.vms) vms += (vms.empty() ? "" : "<br>") + escape(v);
        rows += std::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"addr\">{}</td><td>{}</td></tr>\n",
                            escape(f.code), f.group ? std::to_string(*f.group) : "", escape(f.sentence), devices, vms);
    }
    if (rows.empty()) return {};
    static constexpr std::array<const char*, 3> titles{N_("Blockers"), N_("To confirm"), N_("Notes")};
    return std::format("<h3><span class=\"badge {}\">{}</span></h3>\n<table><thead><tr><th>{}</th><th>{}</th>"
                       "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n{}</tbody></table>\n",
                       to_string(s), escape(translate(titles[static_cast<std::size_t>(s)])), escape(say("Code")),
                       escape(say("Group")), escape(say("Finding")), escape(say("Devices")), escape(say("VMs")), rows);
}

std::string group_table(const Review& r) {
    if (r.groups.empty()) return "<p class=\"muted\">" + escape(say("No IOMMU groups.")) + "</p>\n";
    std::string rows;
    for (const auto& g : r.groups) {
        bool first = true;
        for (const auto& m : g.members) {
            std::string claimed;
            for (const auto& v : m.claimed_by) claimed += (claimed.empty() ? "" : ", ") + escape(v);
            rows += first ? std::format("<tr class=\"group-start\"><td rowspan=\"{}\">{}</td><td rowspan=\"{}\">{}</td>",
                                        g.members.size(), g.id, g.members.size(), to_string(g.state))
                          : std::string("<tr>");
            rows += std::format("<td class=\"addr\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                                m.address.str(), escape(m.name), escape(m.class_name),
                                                // TRANSLATORS: in the Driver column: the device is bound to no driver.
                                m.driver ? (m.driver->empty() ? "<span class=\"muted\">" + escape(say("none")) + "</span>"
                                                              : escape(*m.driver))
                                         // TRANSLATORS: in the Driver column: the source does not show it.
                                         : "<span class=\"muted\">" + escape(say("not known")) + "</span>",
                                claimed);
            first = false;
        }
    }
    std::string head;
    for (const char* h : {N_("Group"), N_("State"), N_("Address"), N_("Device"), N_("Class"), N_("Driver"),
                          N_("Claimed by")})
        head += "<th>" + escape(translate(h)) + "</th>";
    return "<table><thead><tr>" + head + "</tr></thead><tbody>\n" + rows + "</tbody></table>\n";
}

}  // namespace

std::string render_review_html(const Review& r) {
    int counts[3] = {0, 0, 0};
    for (const auto& f : r.findings) ++counts[static_cast<int>(f.severity)];
    const auto n = [&](int i) { return static_cast<unsigned long>(counts[i]); };
    std::string summary = std::format(
        "<p><span class=\"badge blocker\">{}</span> <span class=\"badge needs-confirmation\">{}</span> "
        "<span class=\"badge note\">{}</span> <span class=\"muted\">{}</span></p>\n",
        escape(say_n("{} blocker", "{} blockers", n(0), counts[0])), escape(say("{} to confirm", counts[1])),
        escape(say_n("{} note", "{} notes", n(2), counts[2])), escape(say("exit code {}", review_exit_code(r))));
    std::string vms;
    if (!r.vm_sources.empty()) {
        vms = "<h2>" + escape(say("VM definitions")) + "</h2>\n<ul>\n";
        for (const auto& v : r.vm_sources) vms += "<li>" + escape(v) + "</li>\n";
        vms += "</ul>\n";
    }
    std::string findings;
    for (Severity s : {Severity::Blocker, Severity::Confirm, Severity::Note}) findings += finding_table(r, s);
    if (findings.empty())
        findings = "<p><span class=\"badge clean\">" + escape(say("No findings")) + "</span></p>\n";

    // TRANSLATORS: the language code of this translation, for the review page's <html lang="...">.
    const std::string lang = say("en");
    return std::format("<!DOCTYPE html>\n<html lang=\"{8}\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"color-scheme\" content=\"light dark\">\n<title>{9}</title>\n"
                       "<style>{1}</style>\n</head>\n<body>\n<h1>{10}</h1>\n"
                       "<p class=\"muted\">{0} ({2})</p>\n<p>{3}</p>\n{4}<h2>{11}</h2>\n{5}{6}"
                       "<h2>{12}</h2>\n{7}</body>\n</html>\n",
                       escape(r.origin), kStyle, to_string(r.source_kind), escape(r.iommu_summary), summary, findings,
                       vms, group_table(r), escape(lang),
                       // TRANSLATORS: the page's title; {} the host, snapshot or listing reviewed.
                       escape(say("Isola review: {}", r.origin)), escape(say("Isola host review")),
                       escape(say("Findings")), escape(say("IOMMU groups")));
}

}  // namespace isola
