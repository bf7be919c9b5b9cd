#include "actions/readconfig.hpp"

#include <array>

#include <QByteArray>
#include <QString>

#include "ops/arguments.hpp"
#include "ops/config_space.hpp"
#include "ops/pci_address.hpp"
#include "protocol/helper_protocol.hpp"

namespace isola::helper {

namespace {

// 12 characters is a BDF; 32 leaves room for a sentence to quote what was sent while keeping
// a hostile client from making the helper copy megabytes into its refusal.
constexpr std::array readconfig_arguments{
    StringArgument{arg_bdf, 32, ArgumentForm::PciAddress},
};

}  // namespace

ActionResult readconfig(const QVariantMap& args, const std::filesystem::path& root)
{
    const auto values = parse_arguments("readconfig", readconfig_arguments, args);
    if (!values) {
        return std::unexpected(values.error());
    }
    const auto bdf = PciAddress::parse(values->at(std::string(arg_bdf)));
    if (!bdf) {
        return std::unexpected(bdf.error());
    }
    const auto config = read_config_space(root, *bdf);
    if (!config) {
        return std::unexpected(config.error());
    }

    const QByteArray bytes(reinterpret_cast<const char*>(config->data()), static_cast<qsizetype>(config->size()));
    return QVariantMap{
        {QString::fromLatin1(reply_config), bytes},
        {QString::fromLatin1(reply_length), static_cast<int>(bytes.size())},
    };
}

}  // namespace isola::helper
