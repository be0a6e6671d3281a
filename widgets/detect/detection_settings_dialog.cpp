// SPDX-License-Identifier: GPL-3.0-or-later
#include "detection_settings_dialog.h"

#include "detect/detector_registry.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>
#include <map>

namespace flowscope {

namespace {

const QColor kProblemColour(192, 57, 43);

struct Parsed {
    QString value; // as the parameter writes it; empty when refused
    QString problem;
};

// The text checked as `--set` checks it, through a parameter of the same
// kind over a value of its own.
Parsed parse(DetectorParameter::Kind kind, const QString &text)
{
    std::int64_t integer = 0;
    double number = 0;
    bool flag = false;
    std::vector<std::uint16_t> ports;
    DetectorParameter parameter{{}, {}, kind, &integer};
    if (kind == DetectorParameter::Kind::Ratio)
        parameter.value = &number;
    else if (kind == DetectorParameter::Kind::Flag)
        parameter.value = &flag;
    else if (kind == DetectorParameter::Kind::Ports)
        parameter.value = &ports;
    if (const auto problem = parameter.set(text.toStdString()))
        return {{}, QString::fromStdString(*problem)};
    return {QString::fromStdString(parameter.text()), {}};
}

} // namespace

DetectionSettingsDialog::DetectionSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Detection Settings"));
    std::map<std::string, std::string> stored;
    for (const auto &[name, value] : loadDetectorSettings())
        stored[name] = value;

    auto *groups = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groups);
    const std::vector<DetectorType> types = detectorTypes();
    std::size_t count = 0;
    for (const DetectorType &type : types)
        count += type.make()->parameters().size();
    m_settings.reserve(count); // the editors' signals hold pointers to the settings
    for (const DetectorType &type : types) {
        auto *group = new QGroupBox(QString::fromStdString(type.name), groups);
        group->setToolTip(QString::fromStdString(type.summary));
        auto *grid = new QGridLayout(group);
        grid->setColumnStretch(2, 1);
        const auto detector = type.make(); // the parameters point into it
        for (const DetectorParameter &p : detector->parameters()) {
            Setting &setting = m_settings.emplace_back();
            setting.name = QString::fromStdString(type.name + '.' + p.name);
            setting.kind = p.kind;
            setting.defaultValue = QString::fromStdString(p.text());
            QWidget *editor = makeEditor(setting);
            editor->setParent(group);
            editor->setObjectName(setting.name);
            setting.note = new QLabel(group);
            setting.note->setObjectName(setting.name + QStringLiteral(".note"));
            setting.note->setWordWrap(true);
            const QString shownDefault = setting.kind == DetectorParameter::Kind::Bytes
                ? bytesText(setting.defaultValue.toLongLong())
                : (setting.kind == DetectorParameter::Kind::Flag
                       ? (setting.defaultValue == QLatin1String("1") ? tr("on") : tr("off"))
                       : setting.kind == DetectorParameter::Kind::Seconds ? setting.defaultValue + tr(" s")
                                                                           : setting.defaultValue);
            setting.meaning = tr("%1 (default %2)").arg(QString::fromStdString(p.help), shownDefault);
            auto *label = new QLabel(QString::fromStdString(p.name), group);
            label->setBuddy(editor);
            label->setToolTip(QString::fromStdString(p.help));
            const int row = grid->rowCount();
            grid->addWidget(label, row, 0);
            grid->addWidget(editor, row, 1);
            grid->addWidget(setting.note, row, 2);
            const auto kept = stored.find(setting.name.toStdString());
            const QString keptValue = kept == stored.end() ? QString() : parse(p.kind, QString::fromStdString(kept->second)).value;
            showValue(setting, keptValue.isEmpty() ? setting.defaultValue : keptValue);
        }
        groupsLayout->addWidget(group);
    }
    groupsLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detectionSettings"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(groups);

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, kProblemColour);
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &DetectionSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DetectionSettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &DetectionSettingsDialog::restoreDefaults);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Thresholds of Run Detections. Byte counts take units (500 MB, 2 GiB); "
                                "port lists are separated by commas."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    for (Setting &setting : m_settings)
        check(setting);
    resize(900, 640);
}

QWidget *DetectionSettingsDialog::makeEditor(Setting &setting)
{
    Setting *s = &setting;
    switch (setting.kind) {
    case DetectorParameter::Kind::Count:
    case DetectorParameter::Kind::Seconds: {
        auto *spin = new QSpinBox;
        spin->setRange(setting.kind == DetectorParameter::Kind::Seconds ? 1 : 0, INT_MAX);
        spin->setGroupSeparatorShown(true);
        if (setting.kind == DetectorParameter::Kind::Seconds)
            spin->setSuffix(tr(" s"));
        connect(spin, &QSpinBox::valueChanged, this, [this, s] { check(*s); });
        return setting.editor = spin;
    }
    case DetectorParameter::Kind::Flag: {
        auto *box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, [this, s] { check(*s); });
        return setting.editor = box;
    }
    case DetectorParameter::Kind::Bytes:
    case DetectorParameter::Kind::Ratio:
    case DetectorParameter::Kind::Ports: break;
    }
    auto *line = new QLineEdit;
    const int chars = setting.kind == DetectorParameter::Kind::Ports ? 34 : 12;
    line->setMinimumWidth(line->fontMetrics().averageCharWidth() * chars);
    connect(line, &QLineEdit::textChanged, this, [this, s] { check(*s); });
    return setting.editor = line;
}

// Shows a value as the parameter writes it, in its editor's terms.
void DetectionSettingsDialog::showValue(Setting &setting, const QString &value)
{
    if (auto *spin = qobject_cast<QSpinBox *>(setting.editor))
        spin->setValue(int(std::min<qint64>(value.toLongLong(), INT_MAX)));
    else if (auto *box = qobject_cast<QCheckBox *>(setting.editor))
        box->setChecked(value == QLatin1String("1"));
    else if (auto *line = qobject_cast<QLineEdit *>(setting.editor))
        line->setText(setting.kind == DetectorParameter::Kind::Bytes ? bytesText(value.toLongLong()) : value);
    check(setting);
}

// The editor's value as `--set` takes it (spaces in "500 MB" or "22, 3389" dropped).
QString DetectionSettingsDialog::typed(const Setting &setting) const
{
    if (const auto *spin = qobject_cast<const QSpinBox *>(setting.editor))
        return QString::number(spin->value());
    if (const auto *box = qobject_cast<const QCheckBox *>(setting.editor))
        return box->isChecked() ? QStringLiteral("1") : QStringLiteral("0");
    QString text = qobject_cast<const QLineEdit *>(setting.editor)->text();
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    return text.remove(spaces);
}

void DetectionSettingsDialog::check(Setting &setting)
{
    if (!setting.note)
        return; // still being built
    const QString text = typed(setting);
    setting.problem = text.isEmpty() ? tr("needs a value") : parse(setting.kind, text).problem;
    QPalette palette = setting.note->palette();
    palette.setColor(QPalette::WindowText, setting.problem.isEmpty() ? this->palette().color(QPalette::WindowText) : kProblemColour);
    setting.note->setPalette(palette);
    setting.note->setText(setting.problem.isEmpty() ? setting.meaning : tr("Not valid: %1").arg(setting.problem));
    setting.editor->setToolTip(setting.problem);
    if (auto *line = qobject_cast<QLineEdit *>(setting.editor)) {
        QPalette linePalette = line->palette();
        linePalette.setColor(QPalette::Text, setting.problem.isEmpty() ? this->palette().color(QPalette::Text) : kProblemColour);
        line->setPalette(linePalette);
    }
    updateOk();
}

void DetectionSettingsDialog::updateOk()
{
    const bool valid = std::all_of(m_settings.begin(), m_settings.end(), [](const Setting &s) { return s.problem.isEmpty(); });
    if (m_ok)
        m_ok->setEnabled(valid);
    if (valid)
        m_error->hide();
}

QStringList DetectionSettingsDialog::names() const
{
    QStringList out;
    for (const Setting &setting : m_settings)
        out << setting.name;
    return out;
}

QWidget *DetectionSettingsDialog::editor(const QString &name) const
{
    for (const Setting &setting : m_settings)
        if (setting.name == name)
            return setting.editor;
    return nullptr;
}

QString DetectionSettingsDialog::problem(const QString &name) const
{
    for (const Setting &setting : m_settings)
        if (setting.name == name)
            return setting.problem;
    return {};
}

QString DetectionSettingsDialog::bytesText(qint64 bytes)
{
    // The largest unit that holds the value whole, so that the text reads back exactly.
    static const std::pair<const char *, qint64> units[] = {
        {"TB", 1000LL * 1000 * 1000 * 1000}, {"TiB", 1LL << 40}, {"GB", 1000LL * 1000 * 1000}, {"GiB", 1LL << 30},
        {"MB", 1000LL * 1000},               {"MiB", 1LL << 20}, {"kB", 1000},                 {"KiB", 1LL << 10}};
    if (bytes > 0)
        for (const auto &[unit, size] : units)
            if (bytes % size == 0)
                return QStringLiteral("%1 %2").arg(bytes / size).arg(QLatin1String(unit));
    return QStringLiteral("%1 B").arg(bytes);
}

DetectorSettings DetectionSettingsDialog::changes() const
{
    DetectorSettings out;
    for (const Setting &setting : m_settings) {
        const QString text = typed(setting);
        const Parsed value = parse(setting.kind, text);
        // A refused value is passed on as typed, for accept() to name.
        if (!value.problem.isEmpty() || text.isEmpty())
            out.emplace_back(setting.name.toStdString(), text.toStdString());
        else if (value.value != parse(setting.kind, setting.defaultValue).value)
            out.emplace_back(setting.name.toStdString(), value.value.toStdString());
    }
    return out;
}

void DetectionSettingsDialog::accept()
{
    const DetectorSettings values = changes();
    const std::string error = detectorSettingsError(values);
    if (!error.empty()) {
        m_error->setText(tr("Not saved: %1").arg(QString::fromStdString(error)));
        m_error->show();
        return;
    }
    saveDetectorSettings(values);
    QDialog::accept();
}

void DetectionSettingsDialog::restoreDefaults()
{
    for (Setting &setting : m_settings)
        showValue(setting, setting.defaultValue);
}

} // namespace flowscope
