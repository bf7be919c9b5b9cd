// The filter line's proxy: keeps devices whose address, name, vendor:device IDs or driver contain
// the text, and the groups that still hold such a device.
#pragma once

#include <QSortFilterProxyModel>

namespace isola::gui {

class DeviceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit DeviceFilterModel(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
};

}  // namespace isola::gui
