// SPDX-License-Identifier: GPL-3.0-or-later
#include "note.h"

#include "incident_case.h"
#include "store/case_db.h"
#include "store/sqlite_handle.h"

#include <map>

namespace flowscope::incident {

namespace {

void requireText(const std::string &text)
{
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw StoreError("a note needs some text");
}

} // namespace

Notes::Notes(CaseDb &caseDb)
    : m_case(caseDb)
{
}

void Notes::requireNote(std::int64_t note) const
{
    requireIncidentWritable(m_case);
    Statement statement(m_case.handle(), "SELECT 1 FROM incident_note WHERE id = ?");
    statement.bind(1, note);
    if (!statement.step())
        throw StoreError("no note with id " + std::to_string(note) + " in case '" + m_case.path().string() + "'");
}

std::int64_t Notes::add(std::optional<std::int64_t> record, const std::string &text, const std::string &author)
{
    requireIncidentWritable(m_case);
    if (record)
        requireRecord(m_case, *record);
    requireText(text);
    Statement statement(m_case.handle(),
                        "INSERT INTO incident_note(record, written_at, author, text, severity) VALUES(?, ?, ?, ?, 0)");
    statement.bindOptional(1, record.has_value(), record.value_or(0));
    statement.bind(2, nowSeconds());
    statement.bind(3, author.empty() ? defaultAuthor() : author);
    statement.bind(4, text);
    statement.exec();
    return sqlite3_last_insert_rowid(m_case.handle());
}

void Notes::setText(std::int64_t note, const std::string &text)
{
    requireNote(note);
    requireText(text);
    Statement statement(m_case.handle(), "UPDATE incident_note SET text = ? WHERE id = ?");
    statement.bind(1, text);
    statement.bind(2, note);
    statement.exec();
}

void Notes::setAuthor(std::int64_t note, const std::string &author)
{
    requireNote(note);
    if (author.find_first_not_of(" \t\r\n") == std::string::npos)
        throw StoreError("a note's author cannot be empty");
    Statement statement(m_case.handle(), "UPDATE incident_note SET author = ? WHERE id = ?");
    statement.bind(1, author);
    statement.bind(2, note);
    statement.exec();
}

void Notes::setSeverity(std::int64_t note, Severity severity)
{
    requireNote(note);
    Statement statement(m_case.handle(), "UPDATE incident_note SET severity = ? WHERE id = ?");
    statement.bind(1, static_cast<std::int64_t>(severity));
    statement.bind(2, note);
    statement.exec();
}

void Notes::setTags(std::int64_t note, const std::vector<std::string> &tags)
{
    requireNote(note);
    const std::vector<std::string> normalized = normalizedTags(tags);
    Transaction transaction(m_case.handle());
    {
        Statement clear(m_case.handle(), "DELETE FROM note_tag WHERE note = ?");
        clear.bind(1, note);
        clear.exec();
    }
    Statement statement(m_case.handle(), "INSERT INTO note_tag(note, tag) VALUES(?, ?)");
    for (const std::string &tag : normalized) {
        statement.bind(1, note);
        statement.bind(2, tag);
        statement.exec();
    }
    transaction.commit();
}

void Notes::remove(std::int64_t note)
{
    requireNote(note);
    Transaction transaction(m_case.handle());
    for (const char *sql : {"DELETE FROM note_tag WHERE note = ?", "DELETE FROM incident_note WHERE id = ?"}) {
        Statement statement(m_case.handle(), sql);
        statement.bind(1, note);
        statement.exec();
    }
    transaction.commit();
}

std::vector<Note> Notes::list() const
{
    std::vector<Note> notes;
    if (!incidentTablesExist(m_case))
        return notes;
    std::map<std::int64_t, std::vector<std::string>> tags;
    {
        Statement statement(m_case.handle(), "SELECT note, tag FROM note_tag ORDER BY note, tag");
        while (statement.step())
            tags[statement.int64(0)].push_back(statement.text(1));
    }
    Statement statement(m_case.handle(),
                        "SELECT id, record, written_at, author, text, severity FROM incident_note ORDER BY id");
    while (statement.step()) {
        Note note;
        note.id = statement.int64(0);
        if (!statement.isNull(1))
            note.record = statement.int64(1);
        note.writtenAt = statement.int64(2);
        note.author = statement.text(3);
        note.text = statement.text(4);
        note.severity = severityFromInt(statement.int64(5));
        if (auto it = tags.find(note.id); it != tags.end())
            note.tags = std::move(it->second);
        notes.push_back(std::move(note));
    }
    return notes;
}

} // namespace flowscope::incident
