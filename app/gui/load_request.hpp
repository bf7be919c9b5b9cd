// What the user asked Isola to show: the live host (or a sysfs/proc tree shaped like one), a
// snapshot file, a pasted listing, or one of the bundled demo hosts. A value, so a reload simply
// repeats the last request.
#pragma once

#include <QString>

#include <expected>

#include "reader/host_roots.hpp"
#include "topology/topology.hpp"

namespace isola::gui {

struct LoadRequest {
    enum class Kind { LiveHost, Snapshot, Listing, Demo };
    Kind kind = Kind::LiveHost;
    HostRoots roots;  // LiveHost only
    QString path;     // Snapshot and Listing: the file; Demo: the demo host's name
    QString text;     // Listing: the listing itself when pasted or dropped (path then names it)
};

// A topology, or one sentence saying why there is none.
using LoadResult = std::expected<Topology, QString>;

}  // namespace isola::gui
