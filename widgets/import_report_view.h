// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The import report of a case: every file (with its format, records, errors
// and SHA-256) above every error (file, line, reason), in a splitter.

#include <QWidget>

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

private:
    void updateCaptions();

    ImportFilesModel *m_filesModel = nullptr;
    ImportErrorsModel *m_errorsModel = nullptr;
    QSplitter *m_splitter;
    QLabel *m_filesCaption;
    QLabel *m_errorsCaption;
    QTableView *m_files;
    QTableView *m_errors;
};

} // namespace flowscope
