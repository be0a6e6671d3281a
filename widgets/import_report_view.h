// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import report of a case: every file (with its format, records, errors
// and SHA-256) above every error (file, line, reason), in a splitter. A
// file's context menu offers to remove it from the case, after asking.

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QSplitter;
class QTableView;

namespace flowscope {

class ImportErrorsModel;
class ImportFilesModel;

class ImportReportView : public QWidget {
    Q_OBJECT
public:
    explicit ImportReportView(QWidget *parent = nullptr);

    void setModels(ImportFilesModel *files, ImportErrorsModel *errors);

    QSplitter *splitter() const { return m_splitter; }
    QTableView *filesTable() const { return m_files; }
    QTableView *errorsTable() const { return m_errors; }
    // Remove File from Case…, for the current file (disabled for a file that
    // was not imported, or while the case cannot be written).
    QAction *removeFileAction() const { return m_removeFile; }
    void setRemovalAllowed(bool allowed);
    // Asks the analyst a question and says whether to go on (tests answer it).
    using Confirmation = std::function<bool(const QString &question)>;
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }
    // The question asked before a removal, naming the file, its records and the case.
    static QString removalQuestion(const QString &path, quint64 records, const QString &casePath);

Q_SIGNALS:
    // The analyst confirmed removing the file with this SHA-256.
    void removeFileRequested(const QString &path, const QString &sha256);

private:
    void updateCaptions();
    void updateRemoveAction();
    void removeCurrentFile();

    ImportFilesModel *m_filesModel = nullptr;
    ImportErrorsModel *m_errorsModel = nullptr;
    QSplitter *m_splitter;
    QLabel *m_filesCaption;
    QLabel *m_errorsCaption;
    QTableView *m_files;
    QTableView *m_errors;
    QAction *m_removeFile;
    bool m_removalAllowed = true;
    Confirmation m_confirm;
};

} // namespace flowscope
