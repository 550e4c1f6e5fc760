#include "plugin_resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares a function, so it is called outside any namespace.
void initGeolicenceResources() {
    Q_INIT_RESOURCE(resources);
    Q_INIT_RESOURCE(translations);
}
