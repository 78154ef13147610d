# 哈希链相关消息（简体中文）。

# CHAIN：账本未通过校验。$seq：第一条出错记录；$error：校验器的发现。
chain-broken = 账本在记录 { $seq } 处未通过校验：{ $error }。自该记录起未作核对。
# CHAIN：导出文件的记录均校验通过，但文件被重新保存（字节顺序标记、CRLF 换行）。
chain-reformatted = 导出文件未通过校验：{ $error }。全部记录均已核对。
