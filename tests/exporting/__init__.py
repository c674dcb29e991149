"""Tests of localoffer export."""
