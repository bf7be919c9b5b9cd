// Decoding isola-helper's readconfig reply with the reader's own capability walk, so a config
// space the helper read as root tells the GUI exactly what the reader would have found reading
// sysfs as root: port type, ACS, SR-IOV — one decoder, no second opinion.
//
// Header-only: it joins the helper's protocol (Qt) and the Qt-free core's reader, which every
// user of Isola::HelperClient links (the client needs the core for its sentences anyway).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>

#include <QByteArray>
#include <QString>
#include <QVariantMap>

#include "protocol/helper_protocol.hpp"
#include "reader/config_space.hpp"

namespace isola::helper {

// The facts in a successful readconfig reply (`job->data()`): its "config" bytes, at most the
// protocol's 4096, decoded as the reader decodes a sysfs `config` file of the same length. A reply
// with fewer bytes leaves out of reach what the kernel left out (64 bytes: "config space past 64
// bytes needs root"); a reply without bytes decodes as unreadable.
inline ConfigFacts readconfig_facts(const QVariantMap& reply)
{
    const QByteArray config = reply.value(QString::fromLatin1(reply_config)).toByteArray();
    const auto size = std::min(static_cast<std::size_t>(config.size()), config_space_max);
    return decode_config_facts(std::span(reinterpret_cast<const std::uint8_t*>(config.constData()), size));
}

}  // namespace isola::helper
