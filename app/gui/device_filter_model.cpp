#include "device_filter_model.hpp"

#include "topology_model.hpp"

namespace isola::gui {

DeviceFilterModel::DeviceFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(TopologyModel::FilterTextRole);
    // A group row stays when any of its devices matches, so a hit is always shown in its group.
    setRecursiveFilteringEnabled(true);
}

bool DeviceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (filterRegularExpression().pattern().isEmpty()) return true;
    const auto index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Group rows never match on their own title; recursive filtering keeps them for their members.
    if (index.data(TopologyModel::IsGroupRole).toBool()) return false;
    return index.data(TopologyModel::FilterTextRole).toString().contains(filterRegularExpression());
}

}  // namespace isola::gui
