// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident_timeline_model.h"

#include "incident/incident_timeline.h"
#include "store/case_db.h"

#include <QDateTime>

namespace flowscope {

namespace {

QString joinedTags(const std::vector<std::string> &tags)
{
    QStringList out;
    for (const std::string &tag : tags)
        out << QString::fromStdString(tag);
    return out.join(QStringLiteral(", "));
}

QString kindText(incident::EntryKind kind)
{
    switch (kind) {
    case incident::EntryKind::StarredRecord: return IncidentTimelineModel::tr("starred");
    case incident::EntryKind::TaggedRecord: return IncidentTimelineModel::tr("tagged");
    case incident::EntryKind::Note: return IncidentTimelineModel::tr("note");
    case incident::EntryKind::Finding: return IncidentTimelineModel::tr("finding");
    case incident::EntryKind::CloudTrailEvent: return IncidentTimelineModel::tr("CloudTrail");
    }
    return {};
}

} // namespace

QString IncidentTimelineModel::shortAuthor(const QString &author)
{
    // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
    const QStringList parts = author.split(QLatin1Char(':'));
    if (parts.size() < 6 || parts.first() != QLatin1String("arn"))
        return author;
    const QString resource = parts.mid(5).join(QLatin1Char(':'));
    if (resource == QLatin1String("root"))
        return resource;
    // user/PATH/NAME, role/PATH/NAME: the name; assumed-role/ROLE/SESSION: both, the session names who.
    QStringList path = resource.split(QLatin1Char('/'));
    if (path.size() >= 3 && path.first() == QLatin1String("assumed-role"))
        return path.at(path.size() - 2) + QLatin1Char('/') + path.last();
    return path.size() >= 2 ? path.last() : resource;
}

IncidentTimelineModel::IncidentTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IncidentTimelineModel::setCase(const QString &casePath, const QString &author)
{
    m_casePath = casePath;
    m_author = author;
    reload();
}

void IncidentTimelineModel::reload()
{
    std::vector<incident::IncidentEntry> entries;
    QString error;
    if (!m_casePath.isEmpty()) {
        try {
            // The entries are few (what the analyst marked): read on the
            // calling thread, each marked record's block decoded once.
            auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadOnly);
            incident::IncidentTimeline timeline(*caseDb, m_author.toStdString());
            entries = timeline.entries();
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

int IncidentTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int IncidentTimelineModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant IncidentTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const incident::IncidentEntry &e = m_entries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case RecordIdRole: return e.record ? QVariant(static_cast<qint64>(*e.record)) : QVariant();
    case TimeRole: return e.time ? QVariant(static_cast<qint64>(*e.time)) : QVariant();
    case KindRole: return static_cast<int>(e.kind);
    case FilterRole: return QString::fromStdString(e.filter);
    case ReferenceRole: return QString::fromStdString(e.reference);
    case SeverityRole: return static_cast<int>(e.severity);
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time ? QDateTime::fromSecsSinceEpoch(*e.time, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : tr("undated");
        case KindColumn: return kindText(e.kind);
        case SeverityColumn: return QString::fromLatin1(incident::severityName(e.severity).data());
        case TagsColumn: return joinedTags(e.tags);
        case TextColumn: return QString::fromStdString(e.text);
        case AuthorColumn:
            return role == Qt::DisplayRole ? shortAuthor(QString::fromStdString(e.author)) : QString::fromStdString(e.author);
        default: return {};
        }
    case Qt::ToolTipRole: {
        const QString text = QString::fromStdString(e.text);
        if (index.column() == AuthorColumn)
            return QString::fromStdString(e.author);
        if (index.column() != TextColumn)
            return {};
        if (e.record)
            return tr("%1\nDouble-click the entry to show the record in the table").arg(text);
        if (e.kind == incident::EntryKind::CloudTrailEvent)
            return e.filter.empty()
                ? tr("%1\nIt touches none of the case's interfaces: no records to show").arg(text)
                : tr("%1\nDouble-click the entry to show its interfaces' records from just before it on (%2)")
                      .arg(text, QString::fromStdString(e.filter));
        if (!e.filter.empty())
            return tr("%1: %2\nDouble-click the entry to show its evidence (%3)")
                .arg(QString::fromStdString(e.reference), text, QString::fromStdString(e.filter));
        return text;
    }
    default: return {};
    }
}

QVariant IncidentTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (UTC)");
    case KindColumn: return tr("Kind");
    case SeverityColumn: return tr("Severity");
    case TagsColumn: return tr("Tags");
    case TextColumn: return tr("Text");
    case AuthorColumn: return tr("Author");
    default: return {};
    }
}

Qt::ItemFlags IncidentTimelineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const incident::IncidentEntry &e = m_entries[static_cast<std::size_t>(index.row())];
    // Linked CloudTrail events have no source that keeps edits yet.
    const bool kept = e.kind != incident::EntryKind::CloudTrailEvent;
    if (kept
        && (index.column() == SeverityColumn || (index.column() == TagsColumn && e.tagsEditable)
            || (index.column() == TextColumn && e.kind == incident::EntryKind::Note)))
        f |= Qt::ItemIsEditable;
    return f;
}

QStringList IncidentTimelineModel::severityChoices(const QModelIndex &index) const
{
    QStringList out;
    if (!index.isValid() || index.row() >= rowCount())
        return out;
    const bool finding = m_entries[static_cast<std::size_t>(index.row())].kind == incident::EntryKind::Finding;
    for (int s = finding ? 1 : 0; s < incident::kSeverityCount; ++s)
        out << QString::fromLatin1(incident::severityName(static_cast<incident::Severity>(s)).data());
    return out;
}

bool IncidentTimelineModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const incident::IncidentEntry entry = m_entries[static_cast<std::size_t>(index.row())];
    try {
        auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadWrite);
        incident::IncidentTimeline timeline(*caseDb, m_author.toStdString());
        switch (index.column()) {
        case SeverityColumn: {
            const auto severity = incident::severityByName(value.toString().trimmed().toStdString());
            if (!severity) {
                Q_EMIT errorOccurred(tr("'%1' is not a severity: info, low, medium, high or critical")
                                         .arg(value.toString()));
                return false;
            }
            timeline.setSeverity(entry, *severity);
            break;
        }
        case TagsColumn: {
            std::vector<std::string> tags;
            for (const QString &tag : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!tag.trimmed().isEmpty())
                    tags.push_back(tag.trimmed().toStdString());
            timeline.setTags(entry, tags);
            break;
        }
        case TextColumn: timeline.setText(entry, value.toString().toStdString()); break;
        default: return false;
        }
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromUtf8(e.what()));
        return false;
    }
    // Read again once the edit is over: an edit may change an entry's kind or
    // place, and a reset now would take the editor away from under its view.
    if (!m_reloadQueued) {
        m_reloadQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_reloadQueued = false;
                reload();
                Q_EMIT entriesEdited();
            },
            Qt::QueuedConnection);
    }
    return true;
}

} // namespace flowscope
