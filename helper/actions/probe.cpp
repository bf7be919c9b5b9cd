#include "actions/probe.hpp"

#include <array>

#include <QString>
#include <QStringList>

#include "ops/arguments.hpp"
#include "ops/change_values.hpp"
#include "ops/speaking_locale.hpp"
#include "protocol/helper_protocol.hpp"
#include "reader/read_host.hpp"
#include "vfio/attach_probe.hpp"
#include "vfio/describe_probe.hpp"
#include "vfio/probe_json.hpp"

namespace isola::helper {

namespace {

constexpr std::array probe_arguments{
    StringArgument{arg_bdf, 32, ArgumentForm::PciAddress},
    StringArgument{arg_backend, 32, ArgumentForm::Backend},
    StringArgument{arg_locale, 48, ArgumentForm::Locale},
};

QString key(std::string_view k) { return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size())); }

}  // namespace

ActionResult probe(const QVariantMap& args, const HelperHost& host)
{
    const auto values = parse_arguments("probe", probe_arguments, args);
    if (!values) return std::unexpected(values.error());
    const auto device = PciAddress::parse(values->at(std::string(arg_bdf)));
    if (!device) return std::unexpected(device.error());
    const auto backend = parse_backend("probe", values->at(std::string(arg_backend)));
    if (!backend) return std::unexpected(backend.error());
    const auto locale = parse_locale("probe", values->at(std::string(arg_locale)));
    if (!locale) return std::unexpected(locale.error());
    if (auto present = require_present(host.sysfs(), {*device}); !present) return std::unexpected(present.error());

    const SpeakingLocale speaking(locale->c_str());
    const HostRoots roots = HostRoots::under(host.root);
    const auto topology = read_host(roots);
    if (!topology) {
        return QVariantMap{{key(reply_outcome), key(outcome_failed)},
                           {key(reply_report), QString()},
                           {key(reply_lines), QStringList{QString::fromStdString(topology.error().message)}}};
    }
    const AttachProbe result = probe_attach(*topology, roots, device->bdf(), *backend, host.vfio);
    return QVariantMap{{key(reply_outcome), key(result.ok() ? outcome_done : outcome_failed)},
                       {key(reply_report), QString::fromStdString(probe_to_json(result))},
                       {key(reply_lines), QStringList{QString::fromStdString(describe(result))}}};
}

}  // namespace isola::helper
