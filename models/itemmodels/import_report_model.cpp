// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_report_model.h"

#include "store/case_db.h"

#include <QDateTime>
#include <QLocale>

namespace flowscope {

namespace {
QString text(const std::string &value) { return QString::fromStdString(value); }

QString number(std::uint64_t value) { return QLocale().toString(static_cast<qulonglong>(value)); }

QString utcText(std::int64_t epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant rightAligned() { return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter); }

// Opens the case read-only and reads it with `read`; the error message when it cannot.
template <typename Read>
QString readCase(const QString &casePath, Read &&read)
{
    if (casePath.isEmpty())
        return {};
    try {
        auto caseDb = CaseDb::open(casePath.toStdString(), CaseDb::Mode::ReadOnly);
        read(*caseDb);
    } catch (const std::exception &error) {
        return QString::fromLocal8Bit(error.what());
    }
    return {};
}
} // namespace

// ---------------------------------------------------------------- files

ImportFilesModel::ImportFilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportFilesModel::setCase(const QString &casePath)
{
    m_casePath = casePath;
    reload();
}

void ImportFilesModel::reload()
{
    std::vector<ImportedFile> files;
    const QString error = readCase(m_casePath, [&](CaseDb &caseDb) { files = importedFiles(caseDb); });
    beginResetModel();
    m_files = std::move(files);
    endResetModel();
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

quint64 ImportFilesModel::duplicateRecords() const
{
    quint64 total = 0;
    for (const ImportedFile &file : m_files)
        total += file.duplicateRecords;
    return total;
}

int ImportFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_files.size());
}

int ImportFilesModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImportFilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportedFile &file = m_files[static_cast<std::size_t>(index.row())];
    if (role == RejectedRole)
        return file.rejected;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == RecordsColumn || index.column() == DuplicatesColumn || index.column() == ErrorsColumn)
            return rightAligned();
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case PathColumn: return text(file.path);
        case StatusColumn: return file.rejected ? text(file.reason) : QVariant();
        case Sha256Column: return text(file.sha256);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case PathColumn: return text(file.path);
    case StatusColumn: return file.rejected ? tr("Rejected: %1").arg(text(file.reason)) : tr("Imported");
    case DeliveryColumn: return text(file.delivery);
    case FormatColumn: return text(file.logFormat);
    case RecordsColumn: return file.rejected ? QString() : number(file.records);
    case DuplicatesColumn: return file.rejected ? QString() : number(file.duplicateRecords);
    case ErrorsColumn: return number(file.errors);
    case TruncatedColumn: return file.truncated ? tr("yes") : QString();
    case Sha256Column: return text(file.sha256);
    case ImportedAtColumn: return utcText(file.importedAt);
    case ColumnCount: break;
    }
    return {};
}

QVariant ImportFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(section)) {
        case PathColumn: return tr("File");
        case StatusColumn: return tr("Status");
        case DeliveryColumn: return tr("Delivery");
        case FormatColumn: return tr("Format");
        case RecordsColumn: return tr("Records");
        case DuplicatesColumn: return tr("Duplicates");
        case ErrorsColumn: return tr("Errors");
        case TruncatedColumn: return tr("Truncated");
        case Sha256Column: return tr("SHA-256");
        case ImportedAtColumn: return tr("Imported (UTC)");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (static_cast<Column>(section)) {
        case DeliveryColumn: return tr("How the file was delivered, as detected from its content");
        case FormatColumn: return tr("The fields of the file's records, in order");
        case RecordsColumn: return tr("Records stored from the file");
        case DuplicatesColumn:
            return tr("Records of the file that other files of the case already held (the same flow log delivered"
                      " twice, or a copy of part of a file): read, not stored again");
        case ErrorsColumn: return tr("Lines rejected (the good lines of the file are imported)");
        case TruncatedColumn: return tr("The file ended early (a cut gzip stream): the lines before are imported");
        default: return {};
        }
    }
    return {};
}

// ---------------------------------------------------------------- errors

ImportErrorsModel::ImportErrorsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportErrorsModel::setCase(const QString &casePath)
{
    m_casePath = casePath;
    reload();
}

void ImportErrorsModel::reload()
{
    std::vector<ImportErrorEntry> errors;
    std::uint64_t stored = 0;
    const QString error = readCase(m_casePath, [&](CaseDb &caseDb) {
        errors = importErrors(caseDb, kMaxRows);
        stored = storedImportErrorCount(caseDb);
    });
    beginResetModel();
    m_errors = std::move(errors);
    m_storedCount = stored;
    endResetModel();
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

int ImportErrorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_errors.size());
}

int ImportErrorsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImportErrorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImportErrorEntry &entry = m_errors[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() == LineColumn)
        return rightAligned();
    if (role == Qt::ToolTipRole && index.column() != LineColumn)
        return index.column() == FileColumn ? text(entry.path) : text(entry.reason);
    if (role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case FileColumn: return text(entry.path);
    case LineColumn: return entry.line == 0 ? tr("whole file") : number(entry.line);
    case ReasonColumn: return text(entry.reason);
    case ColumnCount: break;
    }
    return {};
}

QVariant ImportErrorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (static_cast<Column>(section)) {
    case FileColumn: return tr("File");
    case LineColumn: return tr("Line");
    case ReasonColumn: return tr("Reason");
    case ColumnCount: break;
    }
    return {};
}

} // namespace flowscope
