#include "TextScale.h"

#include <QEvent>
#include <QFontInfo>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace pt::gui {

namespace {
constexpr int MaterialBodyPixels = 14;
constexpr qreal LargestFactor = 3.0; // beyond this no phone layout holds a line of text
} // namespace

TextScale::TextScale(QObject* parent) : QObject(parent)
{
    update();
    qGuiApp->installEventFilter(this); // for ApplicationFontChange
}

bool TextScale::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == qGuiApp && event->type() == QEvent::ApplicationFontChange)
        update();
    return QObject::eventFilter(watched, event);
}

qreal TextScale::factorFor(int systemPixelSize)
{
    return std::clamp(qreal(systemPixelSize) / MaterialBodyPixels, qreal(1.0), LargestFactor);
}

int TextScale::scaled(int materialPixels) const { return int(std::lround(materialPixels * m_factor)); }

void TextScale::update()
{
    const qreal factor = factorFor(QFontInfo(QGuiApplication::font()).pixelSize());
    if (qFuzzyCompare(factor, m_factor))
        return;
    m_factor = factor;
    emit changed();
}

} // namespace pt::gui
