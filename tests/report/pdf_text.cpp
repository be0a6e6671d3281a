// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf_text.h"

#include <QProcess>
#include <QRegularExpression>

namespace flowscope::test {

namespace {

bool run(const QString &program, const QStringList &args, QByteArray *out)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return false;
    *out = process.readAllStandardOutput();
    return true;
}

} // namespace

QStringList pdfPages(const QString &path)
{
    QByteArray out;
    if (!run(QStringLiteral(FLOWSCOPE_PDFTOTEXT), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")},
             &out))
        return {};
    QStringList pages = QString::fromUtf8(out).split(QLatin1Char('\f'));
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

QSizeF pdfPageSize(const QString &path)
{
    QByteArray out;
    if (!run(QStringLiteral(FLOWSCOPE_PDFINFO), {path}, &out))
        return {};
    const auto match = QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(QString::fromUtf8(out));
    return match.hasMatch() ? QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble()) : QSizeF();
}

QStringList pdfFontsNotEmbedded(const QString &path, bool *ok)
{
    QByteArray out;
    *ok = run(QStringLiteral(FLOWSCOPE_PDFFONTS), {path}, &out);
    QStringList missing;
    // name type encoding emb sub uni object ID: the two header lines first.
    const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 2; i < lines.size(); ++i) {
        const QStringList columns = lines[i].split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        // From the right: ID, object, uni, sub, emb.
        if (columns.size() >= 6 && columns[columns.size() - 5] != QLatin1String("yes"))
            missing << columns.first();
    }
    if (lines.size() < 3)
        *ok = false; // no font at all: the text was not drawn as text
    return missing;
}

} // namespace flowscope::test
