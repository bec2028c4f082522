#pragma once
// A phone screenshot of a daily grade, drawn in memory: 1170 x 2532 (an iPhone 13 at 3x), DejaVu
// Sans at the sizes iOS uses there (17 pt body text is 51 pixels, 13 pt captions 39, a 34 pt
// title 102), grey captions, a white-on-blue button and a tab bar. Shared by the OCR tests and
// papertrail-bench-ocr, so the benchmark measures what the tests check.
#include <QColor>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QString>

namespace pt::test {

inline QImage phoneScreenshot(bool dark = false)
{
    QImage image(1170, 2532, QImage::Format_RGB32);
    const QColor background = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
    const QColor ink = dark ? QColor(255, 255, 255) : QColor(0, 0, 0);
    const QColor caption = dark ? QColor(152, 152, 159) : QColor(110, 110, 115);
    image.fill(background);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    const auto line = [&](int pixels, int y, const QString& text, const QColor& color, bool bold = false) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(pixels);
        font.setBold(bold);
        p.setFont(font);
        p.setPen(color);
        p.drawText(48, y, text);
    };
    line(45, 110, QStringLiteral("9:41"), ink, true);
    line(102, 330, QStringLiteral("Check-in"), ink, true);
    line(39, 420, QStringLiteral("Tuesday 14 May 2025"), caption);
    p.fillRect(QRect(48, 480, 1074, 3), caption);
    line(51, 600, QStringLiteral("Goal 2: Meets expectations - 4/5"), ink);
    line(51, 700, QStringLiteral("Goal 3: Needs improvement - 2/5"), ink);
    line(39, 790, QStringLiteral("Reviewed by Jordan Smith at 16:05"), caption);
    p.fillRect(QRect(48, 850, 1074, 3), caption);
    line(51, 970, QStringLiteral("Comment: the weekly report"), ink);
    line(51, 1040, QStringLiteral("was late again."), ink);
    p.fillRect(QRect(48, 1150, 1074, 150), QColor(0, 122, 255));
    line(51, 1245, QStringLiteral("Acknowledge"), QColor(255, 255, 255), true);
    p.fillRect(QRect(0, 2300, 1170, 3), caption);
    QFont tab(QStringLiteral("DejaVu Sans"));
    tab.setPixelSize(30);
    p.setFont(tab);
    p.setPen(caption);
    const char* tabs[] = {"Home", "Goals", "Reviews", "Profile"};
    for (int i = 0; i < 4; ++i)
        p.drawText(QRect(i * 292, 2400, 292, 60), Qt::AlignCenter, QString::fromLatin1(tabs[i]));
    return image;
}

} // namespace pt::test
