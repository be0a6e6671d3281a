// SPDX-License-Identifier: GPL-3.0-or-later
#include "record_marks_controller.h"

#include "incident/incident_case.h"
#include "incident/incident_record_marks.h"
#include "incident/note.h"
#include "incident/record_star.h"
#include "incident/record_tag.h"
#include "store/case_db.h"

#include <exception>
#include <vector>

namespace flowscope {

namespace {

std::vector<std::int64_t> idsOf(const QList<qint64> &records)
{
    return {records.cbegin(), records.cend()};
}

} // namespace

RecordMarksController::RecordMarksController(QObject *parent)
    : QObject(parent)
    , m_marks(std::make_shared<incident::RecordMarksSnapshot>())
{
}

RecordMarksController::~RecordMarksController() = default;

void RecordMarksController::setCase(const QString &casePath, const QString &author)
{
    m_casePath = casePath;
    m_author = author;
    reload();
}

void RecordMarksController::reload()
{
    std::shared_ptr<const RecordMarks> marks = std::make_shared<incident::RecordMarksSnapshot>();
    QString error;
    if (!m_casePath.isEmpty()) {
        try {
            auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadOnly);
            marks = std::make_shared<incident::RecordMarksSnapshot>(*caseDb);
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
    }
    m_marks = std::move(marks);
    m_starred.clear();
    for (const std::int64_t record : m_marks->starredRecords())
        m_starred.insert(record);
    Q_EMIT marksChanged();
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
}

bool RecordMarksController::allStarred(const QList<qint64> &records) const
{
    if (records.isEmpty())
        return false;
    for (const qint64 record : records)
        if (!m_starred.contains(record))
            return false;
    return true;
}

bool RecordMarksController::toggleStar(const QList<qint64> &records)
{
    if (records.isEmpty() || m_casePath.isEmpty())
        return false;
    try {
        auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadWrite);
        incident::RecordStars stars(*caseDb);
        if (allStarred(records))
            stars.unstar(idsOf(records));
        else
            stars.star(idsOf(records), m_author.toStdString());
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromUtf8(e.what()));
        return false;
    }
    reload();
    return true;
}

bool RecordMarksController::addTags(const QList<qint64> &records, const QStringList &tags)
{
    if (records.isEmpty() || tags.isEmpty() || m_casePath.isEmpty())
        return false;
    std::vector<std::string> names;
    for (const QString &tag : tags)
        names.push_back(tag.toStdString());
    try {
        auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadWrite);
        // Checked all first: a bad tag or record leaves every record as it was.
        incident::normalizedTags(names);
        for (const qint64 record : records)
            incident::requireRecord(*caseDb, record);
        incident::RecordTags recordTags(*caseDb);
        for (const qint64 record : records)
            recordTags.add(record, names, m_author.toStdString());
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromUtf8(e.what()));
        return false;
    }
    reload();
    return true;
}

bool RecordMarksController::addNote(qint64 record, const QString &text)
{
    if (m_casePath.isEmpty())
        return false;
    try {
        auto caseDb = CaseDb::open(m_casePath.toStdString(), CaseDb::Mode::ReadWrite);
        incident::Notes(*caseDb).add(record, text.toStdString(), m_author.toStdString());
    } catch (const std::exception &e) {
        Q_EMIT errorOccurred(QString::fromUtf8(e.what()));
        return false;
    }
    reload();
    return true;
}

} // namespace flowscope
