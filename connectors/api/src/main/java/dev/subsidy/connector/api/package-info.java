package dev.subsidy.connector.api;
