/********************************************************************************
** Form generated from reading UI file 'f.ui'
**
** Created by: Qt User Interface Compiler version 5.15.8
**
** WARNING! All changes made in this file will be lost when recompiling UI file!
********************************************************************************/

#ifndef UI_F_H
#define UI_F_H

#include <QtCore/QVariant>
