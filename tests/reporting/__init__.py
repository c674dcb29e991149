"""Tests of localoffer report and the site dashboard."""
