"""Table 三 as plain pdftotext prints it, one cell a line: the lines around its rows, for hand-built texts."""

from __future__ import annotations

# The section heading, the header's cells one a line (the note, 申请人情况, the column labels).
HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "申请人情况",
    "",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "",
    "法人或其他组织",
    "自然人",
    "",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "",
]
# The next section, which ends the table.
TAIL = ["", "五、存在的主要问题及改进情况", "下一步，将继续加强平台建设，不断提高公开质量。"]
