#include "platform/Notifier.h"

namespace pt::platform {

// Out of line so the vtable has one home.
Notifier::~Notifier() = default;

} // namespace pt::platform
