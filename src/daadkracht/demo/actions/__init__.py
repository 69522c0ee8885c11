"""The actions of the demo plans, one module per Bruges Bridge, written out by hand."""

from daadkracht.demo.actions import (
    bruges_bridge1,
    bruges_bridge2,
    bruges_bridge3,
    bruges_bridge4,
    bruges_bridge5,
    bruges_bridge6,
    bruges_bridge7,
    damme,
)
from daadkracht.demo.spec import DemoAction

BRUGES_ACTIONS: list[DemoAction] = [
    *bruges_bridge1.ACTIONS,
    *bruges_bridge2.ACTIONS,
    *bruges_bridge3.ACTIONS,
    *bruges_bridge4.ACTIONS,
    *bruges_bridge5.ACTIONS,
    *bruges_bridge6.ACTIONS,
    *bruges_bridge7.ACTIONS,
]

SMALL_ACTIONS: list[DemoAction] = damme.ACTIONS
