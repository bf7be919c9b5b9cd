#include "topology_model.hpp"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

#include <map>

#include "fact_text.hpp"
#include "host_use_text.hpp"

using namespace Qt::StringLiterals;

namespace isola::gui {
namespace {

// Internal ids: 0 marks a section row; a device row stores its section's index + 1.
constexpr quintptr kSectionRow = 0;

QString qs(const std::string& s) { return QString::fromStdString(s); }

FactText driverText(const Device& device) {
    // Known "" means no driver is bound, which is a fact in its own right (and the best state for
    // passthrough), so it gets a dash rather than looking like missing data.
    return fact_text(device.driver, [](const std::string& d) { return d.empty() ? u"—"_s : qs(d); });
}

FactText classText(const Device& device) {
    if (!device.class_name.empty()) return FactText::value(qs(device.class_name));
    return fact_text(device.class_id, [](std::uint16_t c) { return TopologyModel::tr("Class %1").arg(hex(c, 4)); });
}

FactText hostUseText(const Device& device) {
    // An empty cell claims the host does not use the device: only when every category is known.
    // A known use is shown even when other categories are not known (the details pane says which).
    const QString seen = HostUseText::summary(device.usage);
    if (seen.isEmpty() && !device.usage.unknown_categories().empty())
        return FactText::unknown(device.usage.why_unknown());
    return FactText::value(seen);
}

}  // namespace

TopologyModel::TopologyModel(QObject* parent) : QAbstractItemModel(parent) {}

void TopologyModel::setTopology(Topology topology) {
    beginResetModel();
    topology_ = std::move(topology);
    sections_.clear();
    std::map<GroupId, std::vector<std::size_t>> byGroup;
    Section ungrouped;
    const auto& devices = topology_.devices();
    for (std::size_t i = 0; i < devices.size(); ++i) {
        if (devices[i].iommu_group)
            byGroup[*devices[i].iommu_group].push_back(i);
        else
            ungrouped.devices.push_back(i);
    }
    for (auto& [id, members] : byGroup) sections_.push_back({id, std::move(members)});
    if (!ungrouped.devices.empty()) sections_.push_back(std::move(ungrouped));
    endResetModel();
}

const Device* TopologyModel::device(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.internalId() == kSectionRow) return nullptr;
    const auto& section = sections_[index.internalId() - 1];
    return &topology_.devices()[section.devices[static_cast<std::size_t>(index.row())]];
}

QModelIndex TopologyModel::indexOf(const Bdf& address, int column) const {
    for (std::size_t s = 0; s < sections_.size(); ++s) {
        const auto& members = sections_[s].devices;
        for (std::size_t r = 0; r < members.size(); ++r)
            if (topology_.devices()[members[r]].address == address)
                return createIndex(static_cast<int>(r), column, static_cast<quintptr>(s + 1));
    }
    return {};
}

QModelIndex TopologyModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, kSectionRow);
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex TopologyModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kSectionRow) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kSectionRow);
}

int TopologyModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return static_cast<int>(sections_.size());
    if (parent.column() != 0 || parent.internalId() != kSectionRow) return 0;
    return static_cast<int>(sections_[static_cast<std::size_t>(parent.row())].devices.size());
}

int TopologyModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant TopologyModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (index.internalId() == kSectionRow)
        return groupData(sections_[static_cast<std::size_t>(index.row())], index.column(), role);
    return deviceData(*device(index), index.column(), role);
}

QVariant TopologyModel::groupData(const Section& section, int column, int role) const {
    if (role == IsGroupRole) return true;
    if (column != AddressColumn) return {};
    const auto count = static_cast<int>(section.devices.size());
    switch (role) {
        case Qt::DisplayRole:
            if (!section.group) return tr("No IOMMU group — %n device(s)", nullptr, count);
            return tr("IOMMU group %1 — %n device(s)", nullptr, count).arg(*section.group);
        case Qt::ToolTipRole: {
            if (!section.group) return tr("These devices are in no IOMMU group, so VFIO cannot isolate them.");
            const auto* group = topology_.group(*section.group);
            if (group && group->noiommu)
                return tr("A VFIO no-IOMMU group: the device is not isolated at all.");
            if (group && group->type) return tr("Default domain type: %1").arg(qs(*group->type));
            return {};
        }
        case Qt::FontRole: {
            QFont font = QGuiApplication::font();
            font.setBold(true);
            return font;
        }
        default: return {};
    }
}

QVariant TopologyModel::deviceData(const Device& device, int column, int role) const {
    if (role == IsGroupRole) return false;
    if (role == FilterTextRole) {
        const auto driver = device.driver.value_or({});
        return QStringList{qs(device.address.str()), qs(device.display_name()),
                           qs(device.pci_id().value_or(std::string())), qs(driver)}
            .join(u'\n');
    }

    FactText cell;
    switch (column) {
        case AddressColumn: cell = FactText::value(qs(device.address.str())); break;
        case DeviceColumn: cell = FactText::value(qs(device.display_name())); break;
        case ClassColumn: cell = classText(device); break;
        case DriverColumn: cell = driverText(device); break;
        case HostUseColumn: cell = hostUseText(device); break;
        default: return {};
    }

    switch (role) {
        case Qt::DisplayRole: return cell.text;
        case FactKnownRole: return cell.known;
        case Qt::ToolTipRole:
            if (!cell.known) return cell.with_reason();
            if (column == DeviceColumn && device.vendor_id && device.device_id)
                return tr("%1 [%2:%3]").arg(cell.text, hex(*device.vendor_id, 4), hex(*device.device_id, 4));
            return {};
        case Qt::ForegroundRole:
            // Read at paint time, so a palette change (light/dark) is followed without a reset.
            if (!cell.known) return QGuiApplication::palette().brush(QPalette::PlaceholderText);
            return {};
        case Qt::FontRole:
            if (column == AddressColumn) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
            return {};
        default: return {};
    }
}

QVariant TopologyModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case AddressColumn: return tr("Address");
        case DeviceColumn: return tr("Device");
        case ClassColumn: return tr("Class");
        case DriverColumn: return tr("Driver");
        case HostUseColumn: return tr("Host use");
        default: return {};
    }
}

}  // namespace isola::gui
