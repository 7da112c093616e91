<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../src/archdesk/ui/about.py" line="+26"/>
        <source>Records management for an archive office (档案室), offline on your desktop.</source>
        <translation>档案室的档案管理软件，在您的电脑上离线运行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qt {qt} · Licensed under the GNU GPL version 3 or later.</source>
        <translation>Qt {qt} · 依据 GNU GPL 第 3 版或更新版本授权。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archive: {path}</source>
        <translation>档案库：{path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About ArchDesk</source>
        <translation>关于 ArchDesk</translation>
    </message>
</context>
<context>
    <name>AnnualFactsTab</name>
    <message>
        <location filename="../../src/archdesk/ui/annual_facts_tab.py" line="+72"/>
        <source>The annual statistics report counts everything else from the archive; these figures are entered here. Leave a figure at “not entered” and the report says so.</source>
        <translation>档案室基本情况统计年报的其余数字均由系统统计；以下数字在此录入。未录入的数字，年报中注明“未录入”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Archive staff</source>
        <translation>档案人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-time:</source>
        <translation>专职：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part-time:</source>
        <translation>兼职：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storeroom floor area (m²)</source>
        <translation>库房面积（平方米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No storerooms yet: they are made when shelves are added.</source>
        <translation>尚无库房：添加架位时自动建立。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not entered</source>
        <translation>未录入</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/archdesk/ui/app.py" line="+283"/>
        <source>Opening the archive…</source>
        <translation>正在打开档案库…</translation>
    </message>
</context>
<context>
    <name>AppraisalDock</name>
    <message>
        <location filename="../../src/archdesk/ui/appraisal/appraisal_dock.py" line="+74"/>
        <source>Appraisal</source>
        <translation>鉴定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batches</source>
        <translation>鉴定批次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Awaiting approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Executed lists</source>
        <translation>已销毁清册</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add selected to batch</source>
        <translation>将所选加入批次</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{count:,} records due for appraisal; the first {shown:,} are listed</source>
        <translation>到期待鉴定档案 {count:,} 件，列出前 {shown:,} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count:,} records due for appraisal</source>
        <translation>到期待鉴定档案 {count:,} 件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due since</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No records are due for appraisal.</source>
        <translation>暂无到期需要鉴定的档案。</translation>
    </message>
</context>
<context>
    <name>ArchiveSetupDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="+409"/>
        <source>Archive set-up</source>
        <translation>档案室设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The codes of this archive. Codes that records carry are never deleted: retire them, and they are no longer offered for new records. Every change is recorded in the audit trail.</source>
        <translation>本档案室的各类代码。已被档案使用的代码不会被删除：停用后，新档案不再使用该代码。每次修改都记入审计日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fonds</source>
        <translation>全宗</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Categories</source>
        <translation>门类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Departments</source>
        <translation>机构（问题）</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/attachments_panel.py" line="+102"/>
        <source>&amp;Add files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach scans or electronic files (or drop them on the list)</source>
        <translation>添加扫描件或电子文件（也可拖放到列表中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in the system&apos;s viewer</source>
        <translation>用系统程序打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{pages} p.</source>
        <translation>{pages} 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verified {date}</source>
        <translation>{date} 已校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet verified</source>
        <translation>尚未校验</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{files} file(s), {pages} page(s)</source>
        <translation>{files} 个文件，共 {pages} 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No files attached</source>
        <translation>尚无附件</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scans and documents (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.docx *.xlsx *.pptx *.doc *.xls *.ppt);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.docx *.xlsx *.pptx *.doc *.xls *.ppt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Attaching files…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No program opens this file</source>
        <translation>没有可打开此文件的程序</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../src/archdesk/ui/backup_actions.py" line="+32"/>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up the archive…</source>
        <translation>正在备份档案库…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an archive file can be restored from a backup.</source>
        <translation>只有档案库文件才能从备份恢复。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ArchDesk backups (*.db);;All files (*)</source>
        <translation>ArchDesk 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The backup {backup} is sound. Restore it in place of {archive}?
The archive as it is now is kept beside it (….before-restore.db).</source>
        <translation>备份 {backup} 校验无误。要用它替换 {archive} 吗？
当前的档案库将保留在旁边（….before-restore.db）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Verifying the backup…</source>
        <translation>正在校验备份…</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/batch_detail.py" line="+35"/>
        <source>Transfer batch {id}</source>
        <translation>移交批次 {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Records</source>
        <translation>档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned rows</source>
        <translation>退回条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the acceptance note…</source>
        <translation>打印移交验收单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the returned rows…</source>
        <translation>打印退回清单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import corrected rows…</source>
        <translation>导入修改后的条目…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdraw the batch…</source>
        <translation>撤回批次…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only while every record of the batch is still pending (暂存)</source>
        <translation>仅当批次中每件档案仍为暂存状态时可用</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{file} from {department}, received {received}: {rows} rows, {accepted} accepted, {returned} returned.</source>
        <translation>{file}，移交单位 {department}，{received} 接收：共 {rows} 条，接收 {accepted} 条，退回 {returned} 条。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Returned rows ({count})</source>
        <translation>退回条目（{count}）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Withdraw the batch</source>
        <translation>撤回批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the {count} pending records of batch {batch}? Their rows count as returned.</source>
        <translation>删除批次 {batch} 中的 {count} 件暂存档案？这些条目将计为退回。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Batch {batch} withdrawn: {count} records removed.</source>
        <translation>批次 {batch} 已撤回：删除 {count} 件档案。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The corrected rows</source>
        <translation>修改后的条目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格（{patterns}）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{imported} corrected rows taken into batch {batch}; {returned} returned again.</source>
        <translation>已将 {imported} 条修改后的条目并入批次 {batch}；再次退回 {returned} 条。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importing records…</source>
        <translation>正在导入档案…</translation>
    </message>
</context>
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../src/archdesk/ui/appraisal/batches_tab.py" line="+86"/>
        <source>Batch title, e.g. 2026 appraisal of expired records</source>
        <translation>批次名称，如：2026年到期档案鉴定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee members, comma separated</source>
        <translation>鉴定小组成员，以逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open batch</source>
        <translation>新建鉴定批次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>鉴定小组成员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undecided</source>
        <translation>未定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>鉴定结论</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opinion</source>
        <translation>鉴定意见</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New period</source>
        <translation>新保管期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opinion of the committee</source>
        <translation>鉴定小组意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide</source>
        <translation>作出结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close batch</source>
        <translation>结束批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make destruction list</source>
        <translation>编制销毁清册</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep permanently</source>
        <translation>继续保存（永久）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extend retention</source>
        <translation>延长保管期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroy</source>
        <translation>销毁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not decided</source>
        <translation>未定</translation>
    </message>
</context>
<context>
    <name>BorrowersDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/loans/borrowers_dialog.py" line="+29"/>
        <source>Borrowers</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search by name, department, organisation, contact or ID number</source>
        <translation>按姓名、部门、单位、联系方式或证件号码查找</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department / organisation</source>
        <translation>单位/部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearance</source>
        <translation>可阅密级</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Lent on</source>
        <translation>借阅日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returned on</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Department code, e.g. BGS</source>
        <translation>机构代码，如 BGS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest classification seen without approval, e.g. NB</source>
        <translation>无需审批可阅的最高密级，如 NB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add borrower</source>
        <translation>添加借阅人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New borrower</source>
        <translation>新借阅人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside organisation:</source>
        <translation>外单位：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clearance:</source>
        <translation>可阅密级：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History of the selected borrower</source>
        <translation>所选借阅人的借阅记录</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>BoxNoteDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/dialogs.py" line="+146"/>
        <source>Box note of {box}</source>
        <translation>{box} 备考表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dated</source>
        <translation>填写日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes on the contents</source>
        <translation>盒内文件情况说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arranged by</source>
        <translation>整理人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked by</source>
        <translation>检查人</translation>
    </message>
</context>
<context>
    <name>CatalogueActions</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/actions.py" line="+42"/>
        <source>Accept into custody</source>
        <translation>接收入库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of the selected records is pending: there is nothing to accept.</source>
        <translation>所选档案中没有暂存档案，无可接收。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept {count} pending record(s) into custody? Their reference codes become final.</source>
        <translation>将 {count} 件暂存档案接收入库？其档号将固定不变。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete pending records</source>
        <translation>删除暂存档案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of the selected records is pending: accepted records are never deleted.</source>
        <translation>所选档案中没有暂存档案：已归档的档案不能删除。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete {count} pending record(s)? Files attached to them are removed with them. This cannot be undone; the audit log keeps what they were.</source>
        <translation>删除 {count} 件暂存档案？其附件一并删除。此操作不能撤销；审计日志保留其原内容。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Transfer out</source>
        <translation>移出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of the selected records is in custody: there is nothing to transfer out.</source>
        <translation>所选档案中没有在档档案，无可移出。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transfer {count} record(s) out of custody. Reason (kept in the audit log):</source>
        <translation>将 {count} 件档案移出。原因（记入审计日志）：</translation>
    </message>
</context>
<context>
    <name>CatalogueTreeDock</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/tree_dock.py" line="+59"/>
        <source>Catalogue</source>
        <translation>分类目录</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Holdings: {items:,} (on loan {on_loan:,}). Not held: pending {pending:,}, destroyed {destroyed:,}, transferred {transferred:,}</source>
        <translation>馆藏：{items:,}（其中出借 {on_loan:,}）。不计入馆藏：暂存 {pending:,}，已销毁 {destroyed:,}，已移出 {transferred:,}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>All records</source>
        <translation>全部档案</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../src/archdesk/ui/settings_dialog.py" line="+187"/>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="-135"/>
        <source>DA/T 22-2015 (archival filing rules)</source>
        <translation>DA/T 22-2015（归档文件整理规则）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="+1"/>
        <source>DA/T 13-2022 (reference code rules)</source>
        <translation>DA/T 13-2022（档号编制规则）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="+1"/>
        <source>Custom pattern</source>
        <translation>自定义格式</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="+50"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placeholders: {fonds} {category} {year} {retention} {department} {department_name} {item}. A part in [ ] is left out when a placeholder in it is empty.</source>
        <translation>占位符：{fonds} 全宗号、{category} 门类代码、{year} 年度、{retention} 保管期限、{department} 机构（问题）代码、{department_name} 机构（问题）名称、{item} 件号。方括号 [ ] 中的部分在其占位符为空时省略。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reference code and retention</source>
        <translation>档号与保管期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pattern:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="-58"/>
        <source>Default retention:</source>
        <translation>默认保管期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="+0"/>
        <source>Under:</source>
        <translation>上级门类：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference code rule:</source>
        <translation>档号规则：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arranged by:</source>
        <translation>整理方式：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>items (documents one by one)</source>
        <translation>按件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>volumes (files bound together)</source>
        <translation>按卷</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(top level)</source>
        <translation>（顶级门类）</translation>
    </message>
</context>
<context>
    <name>ClimateDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/climate_view.py" line="+133"/>
        <source>Storeroom climate</source>
        <translation>库房温湿度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import logger CSV…</source>
        <translation>导入记录仪 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add reading</source>
        <translation>记录读数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark done today (next one in 3 months)</source>
        <translation>今日已检查（3 个月后再检）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>应检日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature (°C)</source>
        <translation>温度（°C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relative humidity (%)</source>
        <translation>相对湿度（%）</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Reading of {when} added</source>
        <translation>已记录 {when} 的读数</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Inspection done; the next is due on {day}</source>
        <translation>已记录检查；下次应检日期 {day}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import logger CSV</source>
        <translation>导入记录仪 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{count} readings imported</source>
        <translation>已导入 {count} 条记录</translation>
    </message>
</context>
<context>
    <name>ClimateLimitsDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/limits_dialog.py" line="+34"/>
        <source>Climate limits of {code}</source>
        <translation>库房 {code} 温湿度限值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relative humidity</source>
        <translation>相对湿度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Daily temperature swing (± °C)</source>
        <translation>温度日变化（± °C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily humidity swing (± % RH)</source>
        <translation>湿度日变化（± %）</translation>
    </message>
</context>
<context>
    <name>CustodyActions</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/actions.py" line="+36"/>
        <source>{count} records put in box {box}</source>
        <translation>{count} 件档案已装入档案盒 {box}</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../src/archdesk/ui/settings_dialog.py" line="+91"/>
        <source>Open another archive…</source>
        <translation>打开其他档案库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New archive…</source>
        <translation>新建档案库…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your preferences are kept in {file}</source>
        <translation>个人偏好设置保存在 {file}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Archive in use:</source>
        <translation>当前档案库：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recently opened (double-click to open):</source>
        <translation>最近打开（双击打开）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open archive</source>
        <translation>打开档案库</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>ArchDesk archives ({patterns})</source>
        <translation>ArchDesk 档案库（{patterns}）</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>New archive</source>
        <translation>新建档案库</translation>
    </message>
</context>
<context>
    <name>DestructionListsTab</name>
    <message>
        <location filename="../../src/archdesk/ui/appraisal/lists_tab.py" line="+78"/>
        <source>Number</source>
        <translation>清册编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>Witnesses</source>
        <translation>监销人</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Executed on</source>
        <translation>销毁日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place</source>
        <translation>销毁地点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least two, comma separated</source>
        <translation>至少两名，以逗号分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As recorded on the list</source>
        <translation>默认为清册登记的申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record approval</source>
        <translation>登记批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Execute destruction…</source>
        <translation>执行销毁…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also remove attached files (their hashes are kept)</source>
        <translation>同时删除附件文件（保留其哈希值）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Awaiting approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>General</source>
        <translation>一般档案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accounting</source>
        <translation>会计档案</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Destroy the {count} records of list {number}? This is done once and cannot be undone.</source>
        <translation>销毁清册 {number} 中的 {count} 件档案？销毁只执行一次，不能撤销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Execute destruction</source>
        <translation>执行销毁</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Destroying records…</source>
        <translation>正在销毁档案…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/import_wizard.py" line="+158"/>
        <source>Choose the spreadsheet</source>
        <translation>选择移交清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A department&apos;s transfer list (.xlsx, .xls, .ods or .csv).</source>
        <translation>部门提交的移交清单（.xlsx、.xls、.ods 或 .csv）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+21"/>
        <source>(the first sheet)</source>
        <translation>（第一个工作表）</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Keep the reference codes (档号) given in the sheet</source>
        <translation>保留表中给出的档号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For a catalogue moved from another system: each row keeps its 档号; new numbers follow them.</source>
        <translation>用于从其他系统迁移的目录：每条保留原档号，新件号接续其后。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>机构（问题）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive as pending (暂存): accept into custody later</source>
        <translation>以暂存状态接收：稍后再接收入库</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name} ({rows} rows)</source>
        <translation>{name}（{rows} 条）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All sheets ({rows} rows)</source>
        <translation>全部工作表（{rows} 条）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(from the sheet)</source>
        <translation>（取自表格）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Transfer spreadsheet</source>
        <translation>移交清单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格（{patterns}）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/filter_bar.py" line="+78"/>
        <source>Search titles, reference codes, document numbers, notes… (Ctrl+F)</source>
        <extracomment>Filter fields shown as chips, in the order they appear, each named by its glossary term. Quiet time after a key before the text is searched. Short, because a newer search cancels an older one on the worker (the statement running is interrupted within a millisecond): the debounce only merges keys that arrive together (an input method committing a word as several key events, a paste) into one search. It was 300 ms when stale reads ran on, then 40 ms; a held key&apos;s auto-repeat (≈30 ms apart) now searches each time and the next key cancels it, for nothing.</extracomment>
        <translation>搜索题名、档号、文号、备注…（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>With or without scans</source>
        <translation>有无扫描件均可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has scans</source>
        <translation>有扫描件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No scans</source>
        <translation>无扫描件</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Remove this filter</source>
        <translation>移除此筛选条件</translation>
    </message>
</context>
<context>
    <name>FirstRunChecklist</name>
    <message>
        <location filename="../../src/archdesk/ui/setup/checklist.py" line="+62"/>
        <source>Setting up a new archive</source>
        <translation>新档案室的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The archive has no records yet. Before the first ones come in:</source>
        <translation>档案室中还没有档案。在录入第一批档案之前：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive set-up…</source>
        <translation>档案室设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a transfer spreadsheet…</source>
        <translation>导入移交清单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fonds: {count}</source>
        <translation>全宗：{count} 个</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter your fonds</source>
        <translation>请填写全宗</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Categories: {count}, with their reference code templates</source>
        <translation>门类：{count} 个，均已设置档号规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the categories you file under</source>
        <translation>请添加归档所用的门类</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Departments: {count}</source>
        <translation>机构（问题）：{count} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the departments that transfer records</source>
        <translation>请添加移交档案的机构（问题）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Storerooms: {count}</source>
        <translation>库房：{count} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No storerooms yet: add your shelf locations</source>
        <translation>尚无库房：请添加库位</translation>
    </message>
</context>
<context>
    <name>FondsTab</name>
    <message>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="-124"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../src/archdesk/ui/settings_dialog.py" line="-257"/>
        <location line="+7"/>
        <source> days</source>
        <extracomment>A fonds code as DA/T 22 writes it: 3–4 capital letters or digits (Z109, J001).</extracomment>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Automatic: a Chinese font of the system, or the bundled one</source>
        <translation>自动：使用系统中文字体，没有时使用内置字体</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new language applies as soon as you press OK.</source>
        <translation>点击“确定”后立即切换为新语言。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fonds code:</source>
        <translation>全宗号：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fonds name:</source>
        <translation>全宗名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operator name:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default loan period:</source>
        <translation>默认借阅期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewals allowed:</source>
        <translation>可续借次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every stored file within:</source>
        <translation>所有存储文件的校验周期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font for PDF reports:</source>
        <translation>PDF 报表字体：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the fonds code.</source>
        <translation>请输入全宗号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A fonds code is 3 or 4 capital letters or digits, e.g. Z109.</source>
        <translation>全宗号为 3 或 4 位大写字母或数字，例如 Z109。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the fonds name.</source>
        <translation>请输入全宗名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This font cannot be embedded in PDFs: choose a TrueType font with Chinese characters.</source>
        <translation>该字体无法嵌入 PDF：请选择含中文字符的 TrueType 字体。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Font for PDF reports</source>
        <translation>PDF 报表字体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/import_wizard.py" line="-170"/>
        <source>Import a transfer spreadsheet</source>
        <extracomment>Fields a whole file may lack a column for, offered a &quot;for every row&quot; value on the mapping page.</extracomment>
        <translation>导入移交清单</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+16"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing records…</source>
        <translation>正在导入档案…</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcuts</name>
    <message>
        <location filename="../../src/archdesk/ui/help.py" line="+70"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/dialogs.py" line="-56"/>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Boxes on {shelf}</source>
        <translation>{shelf} 上的档案盒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every box</source>
        <translation>全部档案盒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf labels of the shelves shown</source>
        <translation>所列库位的库位标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A4, 3 × 8 labels (70 × 37 mm)</source>
        <translation>A4，3 × 8 标签（70 × 37 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4, 2 × 7 labels (99 × 38 mm)</source>
        <translation>A4，2 × 7 标签（99 × 38 毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box spine labels (at each box&apos;s width)</source>
        <translation>盒脊标签（按各盒厚度）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QR code</source>
        <translation>二维码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels for</source>
        <translation>标签内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../../src/archdesk/ui/app.py" line="-155"/>
        <source>Who is working?</source>
        <translation>经办人是谁？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, as the audit log and the movement ledger record it (经办人).
You can change it later in Settings.</source>
        <translation>您的姓名，将记入审计日志和出入库登记（经办人）。
以后可以在“设置”中修改。</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/ledger_view.py" line="+88"/>
        <source>Movement ledger</source>
        <translation>出入库登记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every reason</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Box, reference code or shelf</source>
        <translation>档案盒、档号或库位</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>新位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/loans/lend_dialog.py" line="+38"/>
        <source>Lend records</source>
        <extracomment>利用目的 of the default list, as codes (the combo is editable: any other text is kept as typed).</extracomment>
        <translation>借出档案</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One reference code a line, or scan them</source>
        <translation>每行一个档号，或扫描条码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needed for records above the borrower&apos;s clearance or restricted</source>
        <translation>档案密级高于借阅人可阅密级或控制使用时必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lend</source>
        <translation>借出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Borrower:</source>
        <translation>借阅人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records:</source>
        <translation>档案：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose:</source>
        <translation>利用目的：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use:</source>
        <translation>利用方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period:</source>
        <translation>借阅期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approver:</source>
        <translation>批准人：</translation>
    </message>
</context>
<context>
    <name>ListDock</name>
    <message>
        <location filename="../../src/archdesk/ui/dock.py" line="+255"/>
        <source>Nothing to show.</source>
        <extracomment>What activating a row opens: one record, or the records table narrowed to a filter. Load even when hidden (the loans dock: the status bar shows its overdue count).</extracomment>
        <translation>暂无内容。</translation>
    </message>
</context>
<context>
    <name>ListExports</name>
    <message>
        <location filename="../../src/archdesk/ui/reports/list_export.py" line="+60"/>
        <source>Export PDF</source>
        <extracomment>``document(rows, language, organisation=…, **options)`` → the printable ``Document`` of those rows. Called on the worker thread; it imports the report layer inside, which stays out of start-up.</extracomment>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting to PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出 Excel…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>LoanActions</name>
    <message>
        <location filename="../../src/archdesk/ui/loans/actions.py" line="+62"/>
        <source>Request {request} waits for approval: {records}</source>
        <translation>借阅申请 {request} 待审批：{records}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request {request}: {count} record(s) lent, due {due}</source>
        <translation>借阅申请 {request}：已借出 {count} 件，应还日期 {due}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Approve request</source>
        <translation>批准借阅申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refuse request</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approver:</source>
        <translation>批准人：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for the refusal:</source>
        <translation>不予批准的理由：</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Renew an overdue loan</source>
        <translation>逾期续借</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to renew although overdue:</source>
        <translation>逾期仍予续借的理由：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{code} renewed, due {due}</source>
        <translation>{code} 已续借，应还日期 {due}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 件</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} record(s) returned</source>
        <translation>已归还 {count} 件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Use effect</source>
        <translation>利用效果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the use achieved:</source>
        <translation>利用取得的效果：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Use effect recorded</source>
        <translation>已登记利用效果</translation>
    </message>
</context>
<context>
    <name>LoansDock</name>
    <message>
        <location filename="../../src/archdesk/ui/loans/loans_dock.py" line="+29"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lent</source>
        <translation>已借出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Loans</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lend…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse…</source>
        <translation>不予批准…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hand over</source>
        <translation>交付借出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renew…</source>
        <translation>续借…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return…</source>
        <translation>归还…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slip</source>
        <translation>打印借阅单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print reminder</source>
        <translation>打印催还单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Borrowers…</source>
        <translation>借阅人…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use effect…</source>
        <translation>利用效果…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return: scan or type a reference code</source>
        <translation>归还：扫描或输入档号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open ({n})</source>
        <translation>未结 ({n})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting for approval ({n})</source>
        <translation>待审批 ({n})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out ({n})</source>
        <translation>借出中 ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue ({n})</source>
        <translation>逾期 ({n})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Due</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue {days} days</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{status}, renewed {count}×</source>
        <translation>{status}，已续借 {count} 次</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No records are out on loan.</source>
        <translation>暂无借出的档案。</translation>
    </message>
</context>
<context>
    <name>LocationsDock</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/locations_dock.py" line="+111"/>
        <source>Shelf locations</source>
        <translation>库房位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add shelving…</source>
        <translation>新增密集架…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>命名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledger…</source>
        <translation>出入库登记…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stocktake…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Climate…</source>
        <translation>温湿度…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Climate limits…</source>
        <translation>温湿度限值…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature and humidity limits of the chosen storeroom</source>
        <translation>所选库房的温度、湿度限值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan or type a box, record or shelf code</source>
        <translation>扫描或输入档案盒、档案或库位编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find shelf…</source>
        <translation>查找库位…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move by scan</source>
        <translation>扫码移架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move by scan: scan boxes, then the shelf they go to</source>
        <translation>扫码移架：先扫档案盒，再扫目标库位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Boxes</source>
        <translation>盒数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No shelf locations yet: add shelving to start.</source>
        <translation>尚无库位：请先新增密集架。</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Shelf full</source>
        <translation>架层已满</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{problem}. Move them anyway?</source>
        <translation>{problem}。仍要移入吗？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} boxes moved to {shelf}</source>
        <translation>{count} 盒已移至 {shelf}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box {box}: {count} records, on {place}</source>
        <translation>档案盒 {box}：{count} 件，位于 {place}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} boxes to move: scan the shelf they go to</source>
        <translation>待移 {count} 盒：请扫描目标库位</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shelf {shelf}: {count} boxes</source>
        <translation>库位 {shelf}：{count} 盒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not boxed</source>
        <translation>未装盒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record {code}: {title} — {place}</source>
        <translation>档案 {code}：{title} — {place}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename shelf</source>
        <translation>库位命名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of {shelf}</source>
        <translation>{shelf} 的名称</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename storeroom</source>
        <translation>库房命名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of storeroom {code}</source>
        <translation>库房 {code} 的名称</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save labels</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Labels saved to {path}</source>
        <translation>标签已保存至 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printing labels…</source>
        <translation>正在生成标签…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Climate limits of {code} saved</source>
        <translation>库房 {code} 温湿度限值已保存</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/lock_screen.py" line="+26"/>
        <source>ArchDesk is locked</source>
        <translation>ArchDesk 已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the password to go on.</source>
        <translation>请输入密码以继续。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/archdesk/ui/main_window.py" line="+273"/>
        <source>ArchDesk — {path}</source>
        <translation>ArchDesk — {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Records</source>
        <translation>档案(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>Record</source>
        <extracomment>Raise it whenever the set of docks (or toolbars) changes: a layout saved by an older set is then ignored and the window starts from its default layout, instead of restoring a stale one.</extracomment>
        <translation>档案详情</translation>
    </message>
    <message>
        <location line="+204"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New archive…</source>
        <translation>新建档案库(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open archive…</source>
        <translation>打开档案库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive set-&amp;up…</source>
        <translation>档案室设置(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back up</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New record</source>
        <translation>新建档案(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save record</source>
        <translation>保存档案(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put in &amp;box…</source>
        <translation>装盒(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset layout</source>
        <translation>恢复默认布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User guide</source>
        <translation>用户手册(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ArchDesk</source>
        <translation>关于 ArchDesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lend…</source>
        <translation>借出(&amp;L)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import transfer spreadsheet…</source>
        <translation>导入移交清单(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify files…</source>
        <translation>校验文件(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;OCR…</source>
        <translation>文字识别(&amp;O)…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n loan(s) overdue</source>
        <translation>
            <numerusform>%n 笔借阅逾期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+105"/>
        <source>{shown:,} of {total:,} records</source>
        <translation>共 {total:,} 件，显示 {shown:,} 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count:,} records</source>
        <translation>{count:,} 件档案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count:,} selected</source>
        <translation>已选 {count:,} 件</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>ArchDesk archives ({patterns})</source>
        <translation>ArchDesk 档案库（{patterns}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open archive</source>
        <translation>打开档案库</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/import_wizard.py" line="+110"/>
        <source>Check the columns</source>
        <translation>核对各列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which record field each column of the sheet holds. Correct any wrong guess.</source>
        <translation>表格每一列对应的著录项。如有识别错误，请更正。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column in the sheet</source>
        <translation>表格中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>著录项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fields without a column: a value for every row (else from the 档号, the title rows or the sheet&apos;s name)</source>
        <translation>没有对应列的字段：为所有条目统一填写（否则取自档号、表头说明行或工作表名称）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>for every row</source>
        <translation>所有条目统一</translation>
    </message>
</context>
<context>
    <name>NewArchiveDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/new_archive.py" line="+40"/>
        <source>New archive</source>
        <translation>新建档案库</translation>
    </message>
</context>
<context>
    <name>NewArchivePage</name>
    <message>
        <location filename="../../src/archdesk/ui/welcome.py" line="+108"/>
        <source>New empty archive</source>
        <translation>新建空档案库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. the name of your organisation</source>
        <translation>例如：本单位名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive file:</source>
        <translation>档案库文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fonds code:</source>
        <translation>全宗号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fonds name:</source>
        <translation>全宗名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create archive</source>
        <translation>创建档案库</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose where the archive file is kept.</source>
        <translation>请选择档案库文件的保存位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a folder; add a file name such as archive.db.</source>
        <translation>这是一个文件夹，请加上文件名，例如 archive.db。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file exists already; use “Open an existing archive” for it.</source>
        <translation>该文件已存在，请使用“打开已有档案库”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the fonds code.</source>
        <translation>请输入全宗号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A fonds code is 3 or 4 capital letters or digits, e.g. Z109.</source>
        <translation>全宗号为 3 或 4 位大写字母或数字，例如 Z109。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the fonds name.</source>
        <translation>请输入全宗名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New archive</source>
        <translation>新建档案库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ArchDesk archives ({patterns})</source>
        <translation>ArchDesk 档案库（{patterns}）</translation>
    </message>
</context>
<context>
    <name>Ocr</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/tools.py" line="+92"/>
        <source>{pages} page(s) of {files} file(s) read; {remaining} file(s) waiting.</source>
        <translation>已识别 {files} 个文件的 {pages} 页；还有 {remaining} 个文件待识别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OCR</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading scans (OCR)…</source>
        <translation>正在识别扫描件文字（OCR）…</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../../src/archdesk/ui/ops.py" line="+135"/>
        <source>Unexpected error: {kind}: {message}</source>
        <translation>意外错误：{kind}：{message}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ArchDesk</source>
        <translation>ArchDesk</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Cancel</source>
        <extracomment>Held to change ``current`` and to interrupt it: an interrupt meant for one job never reaches the next. Emitted on the GUI thread when no op is waiting or running (tests wait for it).</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/preview_page.py" line="+52"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows with a problem are returned to the department; point at a red cell to see why.</source>
        <translation>有问题的行将退回移交部门；将鼠标指向红色单元格可查看原因。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept valid rows</source>
        <translation>接收有效条目</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Problems only</source>
        <translation>只看有问题的条目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value in the sheet</source>
        <translation>表中的值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>条目数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check again with these values</source>
        <translation>按这些取值重新检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values no code table knows (each listed once):</source>
        <translation>代码表中没有的取值（每个只列一次）：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{rows} rows: {valid} valid, {invalid} to return.</source>
        <translation>共 {rows} 行：有效 {valid} 行，退回 {invalid} 行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} legacy retention values will be flagged for review.</source>
        <translation>{count} 个旧保管期限值将标记为待复核。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file was imported before (batch {ids}); accepting imports it again.</source>
        <translation>该文件已导入过（批次 {ids}）；接收将再次导入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: {value} for {rows} rows ({source}).</source>
        <translation>{field}：{rows} 条取 {value}（{source}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sheets not read: {names}.</source>
        <translation>未读取的工作表：{names}。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(leave it: return the rows)</source>
        <translation>（不处理：退回这些条目）</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/preview.py" line="+86"/>
        <source>Preview — {name}</source>
        <translation>预览 — {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{pages} page(s)</source>
        <translation>共 {pages} 页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} 像素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in &amp;viewer</source>
        <translation>用查看程序打开(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No program opens this file</source>
        <translation>没有可打开此文件的程序</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../src/archdesk/ui/reports/print_menu.py" line="+203"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Catalogue register, a volume per year and period (shown records)…</source>
        <translation>归档文件目录，按年度、保管期限分册（当前列表）(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue register, one &amp;list (shown records)…</source>
        <translation>归档文件目录，不分册（当前列表）(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File c&amp;overs…</source>
        <translation>案卷封面(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File s&amp;pines…</source>
        <translation>卷脊(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File not&amp;es…</source>
        <translation>卷内备考表(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Volume catalogue…</source>
        <translation>案卷目录(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In-volume catalogue…</source>
        <translation>卷内文件目录(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In&amp;ventory register…</source>
        <translation>库存档案清册(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box &amp;spines…</source>
        <translation>档案盒盒脊(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box &amp;notes…</source>
        <translation>备考表(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatistics report…</source>
        <translation>馆藏统计报告(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annual statistics report…</source>
        <translation>档案室统计年报(&amp;A)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export register as &amp;PDF…</source>
        <translation>导出归档文件目录 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export register as E&amp;xcel…</source>
        <translation>导出归档文件目录 Excel(&amp;X)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Annual statistics report</source>
        <translation>档案室基本情况统计年报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
</context>
<context>
    <name>PutInBoxDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/dialogs.py" line="-62"/>
        <source>Put in box</source>
        <translation>装盒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new box</source>
        <translation>新档案盒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The box with the code</source>
        <translation>编码为以下的档案盒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Box code or barcode</source>
        <translation>盒号或条码</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In reference-code order</source>
        <translation>按档号顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the order of the table</source>
        <translation>按列表顺序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spine width</source>
        <translation>盒脊厚度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Put {count} records in the box</source>
        <translation>将 {count} 件装入该盒</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/record_editor.py" line="+122"/>
        <source>Reference code:</source>
        <extracomment>Another record was asked for but the archivist kept this one (Cancel on unsaved changes): the table selects it again, so the selection and the editor never show two different records.</extracomment>
        <translation>档号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>著录信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo last edit</source>
        <translation>撤销上次修改(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the record (Ctrl+S)</source>
        <translation>保存档案（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+70"/>
        <source>New record</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record has changes that are not saved. Discard them?</source>
        <translation>该档案有尚未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Box {box} on {location}</source>
        <translation>档案盒 {box}，位于 {location}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no shelf</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in a box</source>
        <translation>未装盒</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/record_form.py" line="+191"/>
        <source>written by the archivist, shown in [ ]</source>
        <extracomment>Each field&apos;s label is its glossary term (the words printed forms use too) and a shortcut letter.</extracomment>
        <translation>由档案人员拟写，以 [ ] 标示</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/records_view.py" line="+92"/>
        <source>&amp;Open record</source>
        <extracomment>Default widths in average characters (reference code, title, date, year, …); the user&apos;s widths are restored. Most rows that Copy and the record actions take at once (more: use Export, or narrow the list).</extracomment>
        <translation>打开档案(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept into custody</source>
        <translation>接收归档(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete pending records</source>
        <translation>删除暂存档案(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transfer out…</source>
        <translation>移出(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Too many rows selected</source>
        <translation>选中的行太多</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count:,} rows are selected. Copy and the record actions take up to {limit:,} rows at a time: narrow the list with a filter, or use Export for all of it.</source>
        <translation>已选中 {count:,} 行。复制和档案操作每次最多处理 {limit:,} 行：请用筛选条件缩小列表，或用“导出”输出全部。</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../src/archdesk/ui/reports/preview.py" line="+56"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>First</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First page (Ctrl+Home)</source>
        <translation>首页（Ctrl+Home）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous page (PgUp)</source>
        <translation>上一页（PgUp）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next page (PgDn)</source>
        <translation>下一页（PgDn）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last</source>
        <translation>末页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last page (Ctrl+End)</source>
        <translation>末页（Ctrl+End）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit the page width to the window</source>
        <translation>页宽适合窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页 共 {count} 页</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location filename="../../src/archdesk/ui/reports/print_menu.py" line="-62"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出 Excel…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../src/archdesk/ui/reports/print_menu.py" line="-10"/>
        <source>Preparing the print preview…</source>
        <translation>正在准备打印预览…</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/loans/return_dialog.py" line="+17"/>
        <source>Return records</source>
        <translation>归还档案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged or incomplete</source>
        <translation>缺损</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not counted</source>
        <translation>未清点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Damage or missing pages noted with the borrower</source>
        <translation>与借阅人共同核对的破损或缺页情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return</source>
        <translation>归还</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Condition:</source>
        <translation>归还检查：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages counted:</source>
        <translation>清点页数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <location filename="../../src/archdesk/ui/security_tab.py" line="+27"/>
        <source>A password lock is set.</source>
        <translation>已设置密码锁。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No password lock is set.</source>
        <translation>未设置密码锁。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove the password lock</source>
        <translation>取消密码锁</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same password again:</source>
        <translation>再次输入相同的密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after idle time:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lock is asked for when ArchDesk starts and after the idle time.</source>
        <translation>ArchDesk 启动时及空闲超时后要求输入密码。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password has at least 4 characters.</source>
        <translation>密码至少 4 个字符。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/settings_dialog.py" line="+240"/>
        <source>Settings</source>
        <extracomment>The language in effect after OK switched it (&quot;zh_CN&quot; or &quot;en&quot;).</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories</source>
        <translation>门类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual report</source>
        <translation>统计年报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
</context>
<context>
    <name>ShelvingDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/dialogs.py" line="-63"/>
        <source>New shelving unit</source>
        <translation>新增密集架</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Two faces (A and B), as on mobile shelving</source>
        <translation>双面（A 面和 B 面），如密集架</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storeroom</source>
        <translation>库房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>列数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sections per row</source>
        <translation>每列节数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels per section</source>
        <translation>每节层数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity per level (boxes)</source>
        <translation>每层容量（盒）</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../src/archdesk/ui/statistics/view.py" line="+64"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Items: {items}   Pages: {pages}   Boxes: {boxes}   Files: {volumes}   Not held: pending {pending}, destroyed {destroyed}, transferred {transferred}</source>
        <translation>件数：{items}   页数：{pages}   盒数：{boxes}   案卷数：{volumes}   不计入馆藏：暂存 {pending}，已销毁 {destroyed}，已移出 {transferred}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Holdings by series</source>
        <translation>按门类统计馆藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holdings by year</source>
        <translation>按年度统计馆藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holdings by retention period</source>
        <translation>按保管期限统计馆藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holdings by security level</source>
        <translation>按密级统计馆藏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessions per year</source>
        <translation>历年接收数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records digitised by series</source>
        <translation>按门类统计数字化档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records digitised per year</source>
        <translation>按年度统计数字化档案</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/custody/stocktake_view.py" line="+89"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelves starting with</source>
        <translation>库位编号开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. K01-03</source>
        <translation>例如 K01-03</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a shelf, then the boxes on it</source>
        <translation>先扫描库位，再扫描其上的档案盒</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+98"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+98"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Finish</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected on</source>
        <translation>应在库位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found on</source>
        <translation>实际库位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Choose the shelves and start: the boxes on them now are the expected list.</source>
        <translation>选择库位范围并开始：此刻其上的档案盒即为应有清单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scanning</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stocktake {id} of {prefix} ({state}): {scanned} of {expected} boxes scanned</source>
        <translation>盘点 {id}（{prefix}，{state}）：已扫描 {scanned} / {expected} 盒</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/import_summary.py" line="+22"/>
        <source>Transfer accepted</source>
        <translation>移交已接收</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Returned rows…</source>
        <translation>退回清单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview, print or save the rows returned to the department</source>
        <translation>预览、打印或保存退回移交单位的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptance note…</source>
        <translation>移交验收单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview, print or save the 移交验收单</source>
        <translation>预览、打印或保存移交验收单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save both to a folder…</source>
        <translation>两者都保存到文件夹…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{imported} records imported as transfer batch {batch}; {returned} rows returned.</source>
        <translation>已导入 {imported} 条档案，移交批次 {batch}；退回 {returned} 条。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} legacy retention values are flagged for review.</source>
        <translation>{count} 个旧保管期限值已标记待复核。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save the returned rows and the acceptance note</source>
        <translation>保存退回清单和移交验收单</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved: {names}</source>
        <translation>已保存：{names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the documents…</source>
        <translation>正在生成文件…</translation>
    </message>
</context>
<context>
    <name>TransfersDock</name>
    <message>
        <location filename="../../src/archdesk/ui/collection/batches.py" line="+26"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partly returned</source>
        <translation>部分退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Transfers</source>
        <translation>移交批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open batch…</source>
        <translation>打开批次…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>机构（问题）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No transfers imported yet.</source>
        <translation>尚未导入移交批次。</translation>
    </message>
</context>
<context>
    <name>UseStatisticsPanel</name>
    <message>
        <location filename="../../src/archdesk/ui/loans/use_statistics_panel.py" line="+38"/>
        <source>Use</source>
        <translation>档案利用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export use PDF…</source>
        <translation>导出利用统计 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export use Excel…</source>
        <translation>导出利用统计 Excel…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By series</source>
        <translation>按门类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By purpose</source>
        <translation>按利用目的</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By use</source>
        <translation>按利用方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most used records</source>
        <translation>利用最多的档案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference code</source>
        <translation>档号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>利用人次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records used</source>
        <translation>利用卷/件次</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Visits: {persons}   Records used: {items}</source>
        <translation>利用人次：{persons}   利用卷/件次：{items}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../../src/archdesk/ui/help.py" line="-38"/>
        <source>ArchDesk user guide</source>
        <extracomment>A translated mnemonic written after the text, as Chinese menus do: &quot;新建档案(&amp;N)&quot;.</extracomment>
        <translation>ArchDesk 用户手册</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The user guide is not installed with this copy of ArchDesk.</source>
        <translation>此份 ArchDesk 未安装用户手册。</translation>
    </message>
</context>
<context>
    <name>VerifyFiles</name>
    <message>
        <location filename="../../src/archdesk/ui/catalogue/tools.py" line="-43"/>
        <location line="+76"/>
        <source>Verify files</source>
        <translation>校验文件</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>All {files} stored files match their SHA-256.</source>
        <translation>全部 {files} 个存储文件与其 SHA-256 一致。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Rolling check: {files} stored files match their SHA-256.</source>
        <translation>轮检：{files} 个存储文件与其 SHA-256 相符。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Missing: {name} ({codes})</source>
        <translation>缺失：{name}（{codes}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Altered: {name} ({codes})</source>
        <translation>已改动：{name}（{codes}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{bad} of {files} stored files are missing or altered:</source>
        <translation>{files} 个存储文件中有 {bad} 个缺失或已改动：</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Verifying files…</source>
        <translation>正在校验文件…</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../src/archdesk/ui/welcome.py" line="+14"/>
        <source>New empty archive</source>
        <extracomment>The three ways to start, (kind, title, description), translated where they are shown.</extracomment>
        <translation>新建空档案库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start your own catalogue: choose where the archive file is kept and enter your fonds.</source>
        <translation>建立本单位的档案目录：选择档案库文件的保存位置，并填写全宗信息。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open an existing archive</source>
        <translation>打开已有档案库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An archive file made earlier, or copied from another computer.</source>
        <translation>以前建立的档案库文件，或从其他电脑复制来的档案库文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo archive</source>
        <translation>演示档案库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try ArchDesk on sample records. Your own archives are not touched.</source>
        <translation>用示例档案试用 ArchDesk，不会改动您自己的档案库。</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+1"/>
        <source>Welcome to ArchDesk</source>
        <translation>欢迎使用 ArchDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no archive on this computer yet. How would you like to start?</source>
        <translation>本机还没有档案库。您想如何开始？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open archive</source>
        <translation>打开档案库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ArchDesk archives ({patterns})</source>
        <translation>ArchDesk 档案库（{patterns}）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Building the demo archive…</source>
        <translation>正在生成演示档案库…</translation>
    </message>
</context>
<context>
    <name>WriterLock</name>
    <message>
        <location filename="../../src/archdesk/ui/writer_prompt.py" line="+28"/>
        <source>{file} is open in ArchDesk for {operator} on {host} since {since}.

Open it read-only? You can look and print, but not change anything.</source>
        <translation>{operator} 自 {since} 起在 {host} 上用 ArchDesk 打开了 {file}。

以只读方式打开吗？可以查看和打印，但不能做任何修改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Archive in use</source>
        <translation>档案库正在使用</translation>
    </message>
</context>
<context>
    <name>_CodeTab</name>
    <message>
        <location filename="../../src/archdesk/ui/setup/setup_dialog.py" line="-106"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Bring back</source>
        <translation>恢复启用(&amp;B)</translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <location filename="../../src/archdesk/ui/new_archive.py" line="-19"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
