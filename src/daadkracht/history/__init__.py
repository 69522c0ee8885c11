"""The record of every change to tenant data: who, when, and what changed per field."""
