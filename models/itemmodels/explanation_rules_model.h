// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The configuration snapshot's rules along a rejected flow's path, as a tree:
// the four layers in the packet's order (source security groups out, source
// network ACL out, destination network ACL in, destination security groups
// in), each with its outcome, and under it the rules it weighed — the ACL's
// entries in rule-number order, every rule of every group of the interface in
// that direction. A layer's first cell is one sentence (layer, component,
// whether it allowed or denied the packet) for a view to span across the row;
// the columns describe rules, so "allow" is a rule's action. DecidingRole marks
// the rule that decided (an ACL entry, the group rule that admitted, or a
// blocking group layer itself), NearMissRole a group rule wrong in one respect
// only, BlockingRole a layer that denies. LineRole gives each row as one line
// of text (a rule: "100 deny tcp 22 from 10.0.0.0/8"), for a narrow view that
// lays the rules out one under the other rather than in columns; a layer of
// security groups lists each group on a line of its own (GroupRole), its
// rules after it (InGroupRole).

#include "explain/record_explanation.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace flowscope {

class ExplanationRulesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { RuleColumn, ActionColumn, ProtocolColumn, PortsColumn, PeerColumn, NoteColumn, ColumnCount };
    enum Role {
        DecidingRole = Qt::UserRole + 1, // bool: the rule that decided its layer
        NearMissRole,                    // bool: a group rule that came close
        BlockingRole,                    // bool: a layer that denies the flow
        LineRole,                        // QString: the row as one line of text
        GroupRole,                       // bool: a security group's line, its rules after it
        InGroupRole,                     // bool: a rule of the group above it
    };

    using QAbstractItemModel::QAbstractItemModel;

    // The path of the explanation, when a snapshot decided; empty otherwise.
    void setExplanation(std::shared_ptr<const explain::RecordExplanation> explanation);
    // The index of the deciding rule of the first blocking layer (invalid when none).
    QModelIndex decidingRule() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Line {
        QStringList cells; // ColumnCount texts
        bool deciding = false;
        bool nearMiss = false;
        bool blocking = false;
        bool group = false;   // a security group's heading
        bool inGroup = false; // a rule under a group's heading
        QString line;         // the row as one line (LineRole)
        QString tooltip;
    };
    struct Layer {
        Line line;
        std::vector<Line> rules;
    };
    const Line *lineAt(const QModelIndex &index) const;

    std::vector<Layer> m_layers;
};

} // namespace flowscope
