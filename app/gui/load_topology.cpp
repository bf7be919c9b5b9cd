#include "load_topology.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include "demo_hosts.hpp"
#include "snapshot/snapshot.hpp"
#include "importers/import_listing.hpp"
#include "reader/read_host.hpp"

namespace isola::gui {
namespace {

struct LoadText {
    Q_DECLARE_TR_FUNCTIONS(LoadText)
};

LoadResult import_text(const QByteArray& text, const QString& origin) {
    auto topology = import_listing(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                   ListingFormat::Auto, origin.toStdString());
    if (!topology) return std::unexpected(QString::fromStdString(topology.error().message));
    return std::move(*topology);
}

}  // namespace

LoadResult load_topology(const LoadRequest& request) {
    switch (request.kind) {
        case LoadRequest::Kind::LiveHost: {
            auto topology = read_host(request.roots);
            if (!topology) return std::unexpected(QString::fromStdString(topology.error().message));
            return std::move(*topology);
        }
        case LoadRequest::Kind::Listing: {
            QFile file(request.path);
            if (!file.open(QIODevice::ReadOnly))
                return std::unexpected(LoadText::tr("Cannot open %1: %2.").arg(request.path, file.errorString()));
            return import_text(file.readAll(), QFileInfo(request.path).fileName());
        }
        case LoadRequest::Kind::Demo: {
            const auto text = demo_host_listing(request.path);
            if (!text)
                return std::unexpected(LoadText::tr("There is no demo host called \"%1\"; the bundled ones are: %2.")
                                           .arg(request.path, demo_host_names().join(u", ")));
            return import_text(*text, request.path);
        }
        case LoadRequest::Kind::Snapshot: {
            auto topology = load_snapshot(request.path.toStdString());
            if (!topology) return std::unexpected(QString::fromStdString(topology.error().message));
            return std::move(*topology);
        }
    }
    return std::unexpected(QString());
}

}  // namespace isola::gui
