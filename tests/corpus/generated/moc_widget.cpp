/****************************************************************************
** Meta object code from reading C++ file 'w.h'
**
** Created by: The Qt Meta Object Compiler version 67 (Qt 5.15.8)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "w.h"
#include <QtCore/qbytearray.h>
#include <QtCore/qmetatype.h>
