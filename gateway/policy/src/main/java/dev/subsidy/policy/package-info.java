package dev.subsidy.policy;
