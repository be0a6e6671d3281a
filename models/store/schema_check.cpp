// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema_check.h"

#include "schema.h"
#include "sqlite_handle.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace flowscope {

namespace {

struct Column {
    std::string name;
    std::string type;
    bool notNull = false;
    std::optional<std::string> defaultValue;
    int primaryKey = 0;
    int hidden = 0;

    bool operator==(const Column &) const = default;

    std::string describe() const
    {
        std::string out = name;
        if (!type.empty())
            out += ' ' + type;
        if (notNull)
            out += " NOT NULL";
        if (defaultValue)
            out += " DEFAULT " + *defaultValue;
        if (primaryKey > 0)
            out += " (primary key)";
        return out;
    }
};

struct SchemaObject {
    std::string type;
    std::string name;
    std::string table;
    std::string sql; // as stored
    std::string normalized;
    std::vector<Column> columns; // tables of Flowscope's own schema
};

// Keyed by lower-case name: SQLite's names are case-insensitive.
using SchemaObjects = std::map<std::string, SchemaObject>;

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::vector<Column> columnsOf(sqlite3 *db, const std::string &table)
{
    std::vector<Column> columns;
    Statement statement(db, R"(SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?))");
    statement.bind(1, table);
    while (statement.step()) {
        Column column;
        column.name = statement.text(0);
        column.type = statement.text(1);
        column.notNull = statement.int64(2) != 0;
        if (!statement.isNull(3))
            column.defaultValue = statement.text(3);
        column.primaryKey = static_cast<int>(statement.int64(4));
        column.hidden = static_cast<int>(statement.int64(5));
        columns.push_back(std::move(column));
    }
    return columns;
}

// Every object with SQL. SQLite's automatic indexes (for UNIQUE and PRIMARY
// KEY, without SQL) follow their table's definition, which is compared.
// Columns are read for Flowscope's own schema only: a case's are read when
// its table differs (a table of an unknown module cannot be listed).
SchemaObjects readSchema(sqlite3 *db, bool withColumns)
{
    SchemaObjects objects;
    Statement statement(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL");
    while (statement.step()) {
        SchemaObject object;
        object.type = statement.text(0);
        object.name = statement.text(1);
        object.table = statement.text(2);
        object.sql = statement.text(3);
        object.normalized = normalizedSchemaSql(object.sql);
        objects.emplace(lowered(object.name), std::move(object));
    }
    for (auto &[key, object] : objects) {
        if (withColumns && object.type == "table")
            object.columns = columnsOf(db, object.name);
    }
    return objects;
}

struct ExpectedSchema {
    SchemaObjects required;
    SchemaObjects optional; // the record indexes, SQLite's statistics
};

// What Flowscope writes for `version`: the migrations replayed in memory.
ExpectedSchema buildExpectedSchema(int version)
{
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(raw);
        throw StoreError("cannot open an in-memory database to check a case's schema");
    }
    const std::unique_ptr<sqlite3, int (*)(sqlite3 *)> db(raw, sqlite3_close_v2);
    if (version == currentSchemaVersion()) {
        migrateSchema(db.get(), 0); // exactly what a new case gets
    } else {
        for (int v = 1; v <= version; ++v)
            applySchemaStatements(db.get(), v);
        createFlowIndexes(db.get());
    }
    const SchemaObjects written = readSchema(db.get(), false);
    execSql(db.get(), "ANALYZE");
    const SchemaObjects analysed = readSchema(db.get(), true);
    dropFlowIndexes(db.get());
    const SchemaObjects withoutIndexes = readSchema(db.get(), false);

    ExpectedSchema expected;
    for (const auto &[key, object] : analysed) {
        const bool always = written.count(key) && withoutIndexes.count(key);
        (always ? expected.required : expected.optional).emplace(key, object);
    }
    return expected;
}

struct ExpectedSchemaCache {
    std::mutex mutex;
    std::map<int, std::unique_ptr<const ExpectedSchema>> schemas;
};

ExpectedSchemaCache &expectedSchemaCache()
{
    static ExpectedSchemaCache cache;
    return cache;
}

const ExpectedSchema &expectedSchema(int version)
{
    ExpectedSchemaCache &cache = expectedSchemaCache();
    const std::lock_guard lock(cache.mutex);
    auto &slot = cache.schemas[version];
    if (!slot)
        slot = std::make_unique<const ExpectedSchema>(buildExpectedSchema(version));
    return *slot;
}

// expectedSchemaText()'s lines: a header, then per object
// "O <R|P> type name table sql" (R required, P optional) and per column of
// its table "C name type notnull D|N default pk hidden", tab-separated, with
// backslash, tab, newline and carriage return escaped.
constexpr std::string_view kTextHeader = "flowscope-expected-schema";

std::string escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

std::string unescaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t end = text.find(separator); end != std::string_view::npos; end = text.find(separator, start)) {
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

int number(std::string_view text)
{
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            throw StoreError("the built-in case schema is malformed");
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string sqliteVersionLine(int version)
{
    return std::string(kTextHeader) + '\t' + std::to_string(version) + '\t' + sqlite3_libversion();
}

// The objects and their columns of the text, or nothing when another SQLite wrote it.
std::optional<ExpectedSchema> parseExpectedSchema(std::string_view text, int version)
{
    const std::vector<std::string_view> lines = split(text, '\n');
    if (lines.empty() || split(lines.front(), '\t').size() != 3 || split(lines.front(), '\t')[0] != kTextHeader)
        throw StoreError("the built-in case schema is malformed");
    if (lines.front() != sqliteVersionLine(version))
        return std::nullopt;
    ExpectedSchema schema;
    SchemaObject *last = nullptr;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty())
            continue;
        const std::vector<std::string_view> fields = split(lines[i], '\t');
        if (fields[0] == "O" && fields.size() == 6) {
            SchemaObject object;
            object.type = unescaped(fields[2]);
            object.name = unescaped(fields[3]);
            object.table = unescaped(fields[4]);
            object.sql = unescaped(fields[5]);
            object.normalized = normalizedSchemaSql(object.sql);
            auto &into = fields[1] == "R" ? schema.required : schema.optional;
            last = &into.emplace(lowered(object.name), std::move(object)).first->second;
        } else if (fields[0] == "C" && fields.size() == 8 && last) {
            Column column;
            column.name = unescaped(fields[1]);
            column.type = unescaped(fields[2]);
            column.notNull = fields[3] == "1";
            if (fields[4] == "D")
                column.defaultValue = unescaped(fields[5]);
            column.primaryKey = number(fields[6]);
            column.hidden = number(fields[7]);
            last->columns.push_back(std::move(column));
        } else {
            throw StoreError("the built-in case schema is malformed");
        }
    }
    return schema;
}

// The refusals are shown in the window: whole sentences, translatable
// under the context flowscope::SchemaCheck.
constexpr const char *kContext = "flowscope::SchemaCheck";

QString qs(const std::string &text) { return QString::fromStdString(text); }

std::string said(const char *text, const QStringList &args, int n = -1)
{
    const QString out = QCoreApplication::translate(kContext, text, nullptr, n);
    // One arg() for all, so that a name or SQL holding "%2" is not taken for a place.
    switch (args.size()) {
    case 0: return out.toStdString();
    case 1: return out.arg(args[0]).toStdString();
    case 2: return out.arg(args[0], args[1]).toStdString();
    case 3: return out.arg(args[0], args[1], args[2]).toStdString();
    default: return out.arg(args[0], args[1], args[2], args[3]).toStdString();
    }
}

// How the messages name each kind of schema object, indefinite and definite,
// alone or on its table.
struct KindTexts {
    const char *type;
    const char *kind; // "a table"
    const char *a;
    const char *aOn;
    const char *the;
    const char *theOn;
};
constexpr KindTexts kKinds[] = {
    {"table",
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a table"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a table `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a table `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the table `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the table `%1`")},
    {"index",
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "an index"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "an index `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "an index `%1` on %2"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the index `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the index `%1` on %2")},
    {"trigger",
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a trigger"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a trigger `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a trigger `%1` on %2"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the trigger `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the trigger `%1` on %2")},
    {"view",
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a view"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a view `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "a view `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the view `%1`"),
     QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "the view `%1`")},
};

const KindTexts *kindTexts(const std::string &type)
{
    for (const KindTexts &kind : kKinds) {
        if (type == kind.type)
            return &kind;
    }
    return nullptr;
}

// "a trigger `t` on source_file" (`definite`: "the trigger `t` on source_file").
QString described(const SchemaObject &object, bool definite)
{
    const KindTexts *kind = kindTexts(object.type);
    if (!kind) // SQLite makes no other kind
        return QStringLiteral("%1 `%2`").arg(qs(object.type), qs(object.name));
    const bool onTable = !object.table.empty() && (object.type == "trigger" || object.type == "index");
    const char *text = definite ? (onTable ? kind->theOn : kind->the) : (onTable ? kind->aOn : kind->a);
    const QString translated = QCoreApplication::translate(kContext, text);
    return onTable ? translated.arg(qs(object.name), qs(object.table)) : translated.arg(qs(object.name));
}

// "a table", "an index": what Flowscope makes under a name.
QString kindOf(const std::string &type)
{
    const KindTexts *kind = kindTexts(type);
    return kind ? QCoreApplication::translate(kContext, kind->kind) : qs(type);
}

std::string clipped(const std::string &sql)
{
    constexpr std::size_t kLimit = 200;
    return sql.size() <= kLimit ? sql : sql.substr(0, kLimit) + "…";
}

void compareColumns(sqlite3 *db, const SchemaObject &found, const SchemaObject &expected,
                    std::vector<std::string> &findings)
{
    const std::size_t before = findings.size();
    const std::vector<Column> foundColumns = columnsOf(db, found.name);
    const auto byName = [](const std::vector<Column> &columns, const std::string &name) -> const Column * {
        for (const Column &column : columns) {
            if (lowered(column.name) == lowered(name))
                return &column;
        }
        return nullptr;
    };
    for (const Column &column : foundColumns) {
        const Column *wanted = byName(expected.columns, column.name);
        if (!wanted)
            findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "holds a column `%1` in table `%2` that Flowscope does not make"),
                                    {qs(column.name), qs(found.name)}));
        else if (!(*wanted == column))
            findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "holds the column `%1` of table `%2` as `%3` where Flowscope makes `%4`"),
                                    {qs(column.name), qs(found.name), qs(column.describe()), qs(wanted->describe())}));
    }
    for (const Column &column : expected.columns) {
        if (!byName(foundColumns, column.name))
            findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "lacks the column `%1` of table `%2`"),
                                    {qs(column.name), qs(found.name)}));
    }
    if (findings.size() == before) // same columns: constraints, order or options differ
        findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "holds %1 altered: `%2` where Flowscope makes `%3`"),
                                {described(found, true), qs(clipped(found.sql)), qs(clipped(expected.sql))}));
}

void compareObject(sqlite3 *db, const SchemaObject &found, const SchemaObject &expected,
                   std::vector<std::string> &findings)
{
    if (found.type != expected.type) {
        findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "holds %1 where Flowscope makes %2"),
                                {described(found, false), kindOf(expected.type)}));
        return;
    }
    if (found.normalized == expected.normalized && lowered(found.table) == lowered(expected.table))
        return;
    if (found.type == "table")
        compareColumns(db, found, expected, findings);
    else
        findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "holds %1 altered: `%2` where Flowscope makes `%3`"),
                                {described(found, true), qs(clipped(found.sql)), qs(clipped(expected.sql))}));
}

} // namespace

std::string normalizedSchemaSql(std::string_view sql)
{
    const auto isPunctuation = [](char c) { return c == '(' || c == ')' || c == ',' || c == ';' || c == '='; };
    std::string out;
    out.reserve(sql.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty() && !isPunctuation(out.back()) && !isPunctuation(c))
            out += ' ';
        pendingSpace = false;
        const char close = c == '[' ? ']' : c;
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            // Quoted text and identifiers are kept as written, quotes doubled inside.
            std::size_t end = i + 1;
            while (end < sql.size()) {
                if (sql[end] == close) {
                    if (close != ']' && end + 1 < sql.size() && sql[end + 1] == close) {
                        end += 2;
                        continue;
                    }
                    break;
                }
                ++end;
            }
            out.append(sql.substr(i, std::min(end, sql.size() - 1) - i + 1));
            i = end;
            continue;
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::vector<std::string> schemaFindings(sqlite3 *db, int version)
{
    const ExpectedSchema &expected = expectedSchema(version);
    const SchemaObjects found = readSchema(db, false);
    std::vector<std::string> findings;
    for (const auto &[key, object] : found) {
        const auto required = expected.required.find(key);
        const auto optional = expected.optional.find(key);
        if (required != expected.required.end())
            compareObject(db, object, required->second, findings);
        else if (optional != expected.optional.end())
            compareObject(db, object, optional->second, findings);
        else
            findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "holds %1 that Flowscope does not make"),
                                    {described(object, false)}));
    }
    for (const auto &[key, object] : expected.required) {
        if (!found.count(key))
            findings.push_back(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "lacks %1 that a case of format %2 holds"),
                                    {described(SchemaObject{object.type, object.name, {}, {}, {}, {}}, true),
                                     QString::number(version)}));
    }
    return findings;
}

std::string expectedSchemaText()
{
    const int version = currentSchemaVersion();
    const ExpectedSchema &expected = expectedSchema(version);
    std::string text = sqliteVersionLine(version) + '\n';
    const auto write = [&text](const SchemaObjects &objects, const char *kind) {
        for (const auto &[key, object] : objects) {
            text += std::string("O\t") + kind + '\t' + escaped(object.type) + '\t' + escaped(object.name) + '\t'
                + escaped(object.table) + '\t' + escaped(object.sql) + '\n';
            for (const Column &column : object.columns)
                text += "C\t" + escaped(column.name) + '\t' + escaped(column.type) + '\t' + (column.notNull ? "1" : "0")
                    + '\t' + (column.defaultValue ? "D\t" + escaped(*column.defaultValue) : std::string("N\t")) + '\t'
                    + std::to_string(column.primaryKey) + '\t' + std::to_string(column.hidden) + '\n';
        }
    };
    write(expected.required, "R");
    write(expected.optional, "P");
    return text;
}

void useBuiltInExpectedSchema(std::string_view text)
{
    const int version = currentSchemaVersion();
    std::optional<ExpectedSchema> parsed = parseExpectedSchema(text, version);
    if (!parsed)
        return; // another SQLite: replayed when first needed
    ExpectedSchemaCache &cache = expectedSchemaCache();
    const std::lock_guard lock(cache.mutex);
    cache.schemas[version] = std::make_unique<const ExpectedSchema>(std::move(*parsed));
}

void checkCaseSchema(sqlite3 *db, int version, const std::string &caseName)
{
    const std::vector<std::string> findings = schemaFindings(db, version);
    if (findings.empty())
        return;
    constexpr std::size_t kNamed = 5;
    std::string message = said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "refused: the case %1 %2"),
                               {qs(caseName), qs(findings.front())});
    for (std::size_t i = 1; i < std::min(findings.size(), kNamed); ++i)
        message += said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "; it %1"), {qs(findings[i])});
    if (findings.size() > kNamed)
        message += said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "; and %n more"), {}, int(findings.size() - kNamed));
    throw StoreError(said(QT_TRANSLATE_NOOP("flowscope::SchemaCheck", "%1 (it may have been tampered with; open only cases from a trusted source)"),
                          {qs(message)}));
}

} // namespace flowscope
