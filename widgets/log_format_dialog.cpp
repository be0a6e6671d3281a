// SPDX-License-Identifier: GPL-3.0-or-later
#include "log_format_dialog.h"

#include "format/log_format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowscope {

namespace {
constexpr int kExampleChars = 160;

// Readable on light and dark palettes alike.
QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}
} // namespace

LogFormatDialog::LogFormatDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_example(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Flow Log Format"));
    auto *layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_example->setTextFormat(Qt::PlainText);
    m_example->setWordWrap(true);
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_example->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_format->setEditable(true);
    m_format->setInsertPolicy(QComboBox::NoInsert);
    m_format->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_format->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_format->setMinimumContentsLength(60);
    m_format->lineEdit()->setPlaceholderText(
        QStringLiteral("${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} …"));
    m_format->setToolTip(tr("The format string of the flow log, as the AWS console or "
                            "'aws ec2 describe-flow-logs' (LogFormat) shows it"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *label = new QLabel(tr("&Format string:"), this);
    label->setBuddy(m_format);
    layout->addWidget(m_intro);
    layout->addWidget(m_example);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(label);
    layout->addWidget(m_format);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::editTextChanged, this, &LogFormatDialog::validate);
    setExample(0, QString(), QString(), 0);
    validate();
}

void LogFormatDialog::setExample(int files, const QString &file, const QString &record, int fields)
{
    m_exampleFields = fields;
    m_intro->setText(tr("%n file(s) have no header line and their records are not in the default format. "
                        "Give the flow log's format string so that Flowscope can read them.",
                        nullptr, files));
    m_example->setVisible(!file.isEmpty());
    QString shown = record;
    if (shown.size() > kExampleChars)
        shown = shown.left(kExampleChars) + QStringLiteral("…");
    m_example->setText(tr("%1, first record (%n field(s)):\n%2", nullptr, fields).arg(QFileInfo(file).fileName(), shown));
    m_example->setToolTip(file);
    validate();
}

void LogFormatDialog::setHistory(const QStringList &formats)
{
    const QString typed = m_format->currentText();
    m_format->clear();
    m_format->addItems(formats);
    m_format->setCurrentIndex(formats.isEmpty() ? -1 : 0);
    if (formats.isEmpty())
        m_format->setEditText(typed);
    validate();
}

QString LogFormatDialog::formatString() const { return m_format->currentText().trimmed(); }

QString LogFormatDialog::validationText() const { return m_status->text(); }

void LogFormatDialog::validate()
{
    const QString text = formatString();
    std::string error;
    const LogFormat format = text.isEmpty() ? LogFormat() : LogFormat::parse(text.toStdString(), &error);
    m_valid = !format.isEmpty();
    const int fields = static_cast<int>(format.fields().size());
    const bool mismatch = m_valid && m_exampleFields > 0 && fields != m_exampleFields;
    if (text.isEmpty())
        m_status->setText(tr("Enter the format string."));
    else if (!m_valid)
        m_status->setText(tr("Not a format string: %1").arg(QString::fromStdString(error)));
    else if (mismatch)
        m_status->setText(tr("%n field(s), but the first record has %1: its lines would be rejected.", nullptr, fields)
                              .arg(m_exampleFields));
    else
        m_status->setText(tr("%n field(s), version %1.", nullptr, fields).arg(format.version()));
    QPalette palette = this->palette();
    if ((!m_valid && !text.isEmpty()) || mismatch)
        palette.setColor(QPalette::WindowText, errorColor(palette));
    m_status->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace flowscope
