// The device table of the main window: one top-level row per IOMMU group ("IOMMU group 14 —
// 3 devices"), plus a "No IOMMU group" section for devices without one, each holding its devices.
// Reads a Topology value; never re-reads the host.
#pragma once

#include <QAbstractItemModel>

#include <optional>
#include <vector>

#include "topology/topology.hpp"

namespace isola::gui {

class TopologyModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { AddressColumn, DeviceColumn, ClassColumn, DriverColumn, HostUseColumn, ColumnCount };
    enum Role {
        IsGroupRole = Qt::UserRole + 1,  // bool: a group (section) row
        FactKnownRole,                   // bool: false when the cell shows an unknown fact
        FilterTextRole,                  // QString: what the filter line matches (address, name, IDs, driver)
    };
    Q_ENUM(Column)

    explicit TopologyModel(QObject* parent = nullptr);

    void setTopology(Topology topology);
    [[nodiscard]] const Topology& topology() const { return topology_; }

    // The device on a device row; nullptr on a group row or an invalid index.
    [[nodiscard]] const Device* device(const QModelIndex& index) const;
    [[nodiscard]] QModelIndex indexOf(const Bdf& address, int column = AddressColumn) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Section {
        std::optional<GroupId> group;       // nullopt: the "No IOMMU group" section
        std::vector<std::size_t> devices;   // indexes into topology_.devices()
    };

    QVariant groupData(const Section& section, int column, int role) const;
    QVariant deviceData(const Device& device, int column, int role) const;

    Topology topology_;
    std::vector<Section> sections_;
};

}  // namespace isola::gui
