// SPDX-License-Identifier: GPL-3.0-or-later
#include "case_filter.h"

#include "query/block_selection.h"
#include "query/case_ioc_lists.h"
#include "store/case_db.h"

namespace flowscope {

ColumnMask columnsOf(const FieldSet &fields)
{
    ColumnMask columns = 0;
    for (std::size_t f = 0; f < fields.size(); ++f)
        if (fields.test(f))
            columns |= columnOf(static_cast<Field>(f));
    return columns;
}

std::variant<std::shared_ptr<const CaseFilter>, FilterError>
CaseFilter::compile(CaseDb &caseDb, std::string_view expression, const FilterParseOptions &options,
                    IocMembership iocLists)
{
    // `@name` is the case's own list unless the caller answers for lists.
    FilterParseOptions withLists = options;
    if (!withLists.iocLists && !withLists.iocListExists && !iocLists)
        withLists.iocLists = caseIocLists(caseDb);
    FilterParseResult parsed = parseFilter(expression, withLists);
    if (!parsed.ok())
        return *parsed.error;
    std::shared_ptr<CaseFilter> filter(new CaseFilter);
    filter->m_expression = std::string(expression);
    filter->m_root = std::move(parsed.root);
    filter->m_everything = std::holds_alternative<TrueNode>(filter->m_root->node);
    filter->m_strings.load(caseDb.handle());
    filter->m_interfaces.load(caseDb.handle(), filter->m_strings);
    if (!filter->m_everything) {
        filter->m_predicate
            = compileRecordPredicate(*filter->m_root, filter->m_strings, filter->m_interfaces, std::move(iocLists));
        filter->m_columnPredicate = compileColumnPredicate(*filter->m_root);
        filter->m_blocks = selectBlocks(caseDb, *filter->m_root);
    }
    return std::shared_ptr<const CaseFilter>(std::move(filter));
}

RecordTest CaseFilter::recordTest() const
{
    RecordTest test;
    if (m_everything)
        return test;
    test.accept = [this](const EncodedFlow &flow) { return m_predicate(flow); };
    test.columns = columnsRead();
    if (m_columnPredicate)
        test.columnTest = *m_columnPredicate;
    return test;
}

} // namespace flowscope
