#include "FileSize.h"

#include "ByteSize.h"

#include <QLocale>

namespace pt::gui {

QString FileSize::text(qint64 bytes)
{
    const core::ByteSize size = core::byteSize(bytes);
    const QString number = QLocale().toString(double(size.tenths) / 10, 'f', 1);
    switch (size.unit) {
    case core::ByteSize::Unit::Bytes:
        // English has its two forms here; a translation gives "%n bytes" every form its language needs.
        return size.bytes == 1 ? tr("1 byte") : tr("%n bytes", nullptr, int(size.bytes));
    case core::ByteSize::Unit::KiB:
        return tr("%1 KiB").arg(number);
    case core::ByteSize::Unit::MiB:
        return tr("%1 MiB").arg(number);
    case core::ByteSize::Unit::GiB:
        return tr("%1 GiB").arg(number);
    }
    return {};
}

} // namespace pt::gui
